//! Throwaway databases for tests and benchmarks: a SQLite file in a temporary directory, or a
//! fresh PostgreSQL database on a server, removed again when dropped.

use sqlx::Connection;

use crate::{Error, Result};

/// The PostgreSQL server tests use unless `SOCERT_TEST_POSTGRES_URL` names another one.
pub const DEFAULT_TEST_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub struct ScratchDatabase {
    /// URL to pass to [`crate::open`].
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl ScratchDatabase {
    pub fn sqlite() -> Result<Self> {
        let dir = tempfile::tempdir()
            .map_err(|err| Error::Config(format!("cannot create a temporary directory: {err}")))?;
        let url = format!("sqlite://{}", dir.path().join("socert.db").display());
        Ok(Self {
            url,
            cleanup: Cleanup::Directory(dir),
        })
    }

    /// Creates an empty database on the server `admin_url` points at (any database there).
    pub async fn postgres(admin_url: &str) -> Result<Self> {
        let name = format!("socert_scratch_{}", uuid::Uuid::now_v7().simple());
        let mut admin = sqlx::PgConnection::connect(admin_url).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await?;
        let _ = admin.close().await;
        let (base, _) = admin_url
            .rsplit_once('/')
            .filter(|(base, _)| base.contains("://"))
            .ok_or_else(|| Error::Config("a PostgreSQL URL must name a database".to_owned()))?;
        Ok(Self {
            url: format!("{base}/{name}"),
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.to_owned(),
                name,
            },
        })
    }

    /// The test server from `SOCERT_TEST_POSTGRES_URL`, or the local default.
    pub async fn postgres_for_tests() -> Result<Self> {
        let admin_url = std::env::var("SOCERT_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| DEFAULT_TEST_POSTGRES_URL.to_owned());
        Self::postgres(&admin_url).await
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let Cleanup::Postgres { admin_url, name } = &self.cleanup else {
            return;
        };
        // Drop may run inside an async runtime, which cannot block on async work: use a thread
        // with its own small runtime.
        let (admin_url, name) = (admin_url.clone(), name.clone());
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                let mut admin = sqlx::PgConnection::connect(&admin_url).await?;
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await?;
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            tracing::warn!(database = %self.url, "could not drop scratch database");
        }
    }
}
