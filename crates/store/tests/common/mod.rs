//! Helpers shared by the store's test binaries.

/// A plain connection to the test database, bypassing socert: what a DBA (or an attacker with
/// database access) could do.
pub async fn raw_connection(url: &str) -> RawConnection {
    use sqlx::Connection;
    if url.starts_with("postgres") {
        RawConnection::Postgres(sqlx::PgConnection::connect(url).await.unwrap())
    } else {
        RawConnection::Sqlite(sqlx::SqliteConnection::connect(url).await.unwrap())
    }
}

pub enum RawConnection {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl RawConnection {
    pub async fn execute(&mut self, statement: &'static str) -> Result<u64, sqlx::Error> {
        match self {
            RawConnection::Sqlite(c) => sqlx::query(statement)
                .execute(c)
                .await
                .map(|r| r.rows_affected()),
            RawConnection::Postgres(c) => sqlx::query(statement)
                .execute(c)
                .await
                .map(|r| r.rows_affected()),
        }
    }
}
