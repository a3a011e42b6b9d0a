//! The audit log is tamper-evident on both backends: editing or deleting an event is found by
//! `verify_audit`, which names the first broken link.

use socert_store::demo;
use socert_store::scratch::ScratchDatabase;

mod common;
use common::raw_connection;

async fn demo_database(database: &ScratchDatabase) -> std::sync::Arc<dyn socert_store::Store> {
    let store = socert_store::open(&database.url).await.unwrap();
    store.migrate().await.unwrap();
    demo::load(store.as_ref()).await.unwrap();
    store
}

async fn tampering_is_found(database: ScratchDatabase, drop_triggers: &[&'static str]) {
    let store = demo_database(&database).await;
    let clean = store.verify_audit().await.unwrap();
    assert!(clean.broken.is_empty(), "{:?}", clean.broken);
    assert_eq!(
        clean.chains, 3,
        "one per demo authority and one deployment-wide"
    );
    assert!(clean.events > 30);

    let mut raw = raw_connection(&database.url).await;
    // Append-only is enforced; a DBA would have to drop the triggers first.
    assert!(
        raw.execute("UPDATE audit_events SET diff = '{}' WHERE seq = 3")
            .await
            .is_err()
    );
    for statement in drop_triggers {
        raw.execute(statement).await.unwrap();
    }
    let edited = raw
        .execute("UPDATE audit_events SET diff = '{\"after\":{\"normative_cost_minor\":1}}' WHERE seq = 3")
        .await
        .unwrap();
    assert_eq!(edited, 2, "the third event of each demo authority");
    let report = store.verify_audit().await.unwrap();
    assert!(!report.broken.is_empty());
    for link in &report.broken {
        assert_eq!(link.seq, 3, "{link:?}");
        assert!(link.event_id.is_some());
        assert!(link.problem.contains("edited"), "{link:?}");
        assert!(link.authority.is_some());
    }
}

async fn removal_is_found(database: ScratchDatabase, drop_triggers: &[&'static str]) {
    let store = demo_database(&database).await;
    let mut raw = raw_connection(&database.url).await;
    for statement in drop_triggers {
        raw.execute(statement).await.unwrap();
    }
    // Removing the newest event of a chain leaves no gap, but the chain head remembers.
    raw.execute("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events WHERE action = 'user.create')")
        .await
        .unwrap();
    let report = store.verify_audit().await.unwrap();
    assert!(
        report.broken.iter().any(|l| l.problem.contains("removed")),
        "{:?}",
        report.broken
    );
}

const SQLITE_TRIGGERS: &[&str] = &[
    "DROP TRIGGER audit_events_no_update",
    "DROP TRIGGER audit_events_no_delete",
];
const POSTGRES_TRIGGERS: &[&str] = &["DROP TRIGGER audit_events_append_only ON audit_events"];

#[tokio::test]
async fn an_edited_event_breaks_the_chain_on_sqlite() {
    tampering_is_found(ScratchDatabase::sqlite().unwrap(), SQLITE_TRIGGERS).await;
}

#[tokio::test]
async fn an_edited_event_breaks_the_chain_on_postgres() {
    tampering_is_found(
        ScratchDatabase::postgres_for_tests().await.unwrap(),
        POSTGRES_TRIGGERS,
    )
    .await;
}

#[tokio::test]
async fn a_removed_event_breaks_the_chain_on_sqlite() {
    removal_is_found(ScratchDatabase::sqlite().unwrap(), SQLITE_TRIGGERS).await;
}

#[tokio::test]
async fn a_removed_event_breaks_the_chain_on_postgres() {
    removal_is_found(
        ScratchDatabase::postgres_for_tests().await.unwrap(),
        POSTGRES_TRIGGERS,
    )
    .await;
}
