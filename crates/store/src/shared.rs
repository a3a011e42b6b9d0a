//! How one text of store code serves both backends.
//!
//! sqlx's query API is generic over the database, but spelling that out needs a tower of trait
//! bounds per function. Instead each aggregate's code (`impl_store!` here, `impl_catalogue!` in
//! catalogue.rs, `impl_ledger!` in ledger.rs) is a macro expanded once per backend. Each backend
//! provides `pool`, `accounts`, `begin_write()` and `MIGRATOR`, the only things that differ.

macro_rules! impl_store {
    ($store:ty, $backend:expr) => {
        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> $crate::Backend {
                $backend
            }

            async fn migrate(&self) -> $crate::Result<()> {
                Self::MIGRATOR.run(&self.pool).await?;
                Ok(())
            }

            async fn ping(&self) -> $crate::Result<()> {
                sqlx::query($crate::sql::PING).execute(&self.pool).await?;
                Ok(())
            }

            async fn analyze(&self) -> $crate::Result<()> {
                for statement in Self::AFTER_BULK_LOAD {
                    sqlx::query(*statement).execute(&self.pool).await?;
                }
                self.forget_statistics();
                Ok(())
            }

            async fn wipe(&self) -> $crate::Result<()> {
                let mut tx = self.begin_write().await?;
                for statement in $crate::sql::WIPE.iter().chain(Self::BACKEND_WIPE) {
                    sqlx::query(*statement).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                self.accounts.clear();
                Ok(())
            }

            async fn close(&self) {
                self.pool.close().await;
            }
        }
    };
}

pub(crate) use impl_store;
