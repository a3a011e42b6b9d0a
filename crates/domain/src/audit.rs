//! The tamper-evident audit log: each event stores the SHA-256 of the previous event of its
//! tenant plus its own content, so editing or deleting any event breaks every later link.

use sha2::{Digest, Sha256};

use crate::Timestamp;

/// The hash before the first event of a chain.
pub const GENESIS: [u8; 32] = [0; 32];

/// An audit event's content, in the order it is hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContent<'a> {
    /// The tenant's chain (the nil UUID for deployment-wide events), as text.
    pub chain: &'a str,
    pub seq: i64,
    pub at: Timestamp,
    /// `user`, `token`, `system` or `anonymous`.
    pub actor_kind: &'a str,
    pub actor_id: Option<&'a str>,
    pub role: Option<&'a str>,
    /// What was done, e.g. `service.create`, `ledger.adjust`, `user.deactivate`.
    pub action: &'a str,
    pub object_kind: &'a str,
    pub object_id: &'a str,
    pub request_id: Option<&'a str>,
    /// JSON of what changed, with personal fields already masked.
    pub diff: &'a str,
}

/// SHA-256 over the previous hash and each field, length-prefixed so that no two different
/// events can encode to the same bytes.
pub fn chain_hash(previous: &[u8], content: &AuditContent<'_>) -> [u8; 32] {
    let mut hasher = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(previous);
    field(content.chain.as_bytes());
    field(&content.seq.to_le_bytes());
    field(&content.at.as_microsecond().to_le_bytes());
    field(content.actor_kind.as_bytes());
    field(content.actor_id.unwrap_or("").as_bytes());
    field(content.role.unwrap_or("").as_bytes());
    field(content.action.as_bytes());
    field(content.object_kind.as_bytes());
    field(content.object_id.as_bytes());
    field(content.request_id.unwrap_or("").as_bytes());
    field(content.diff.as_bytes());
    hasher.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(diff: &str) -> AuditContent<'_> {
        AuditContent {
            chain: "tenant",
            seq: 1,
            at: Timestamp::UNIX_EPOCH,
            actor_kind: "user",
            actor_id: Some("u1"),
            role: Some("officer"),
            action: "service.create",
            object_kind: "service",
            object_id: "s1",
            request_id: None,
            diff,
        }
    }

    #[test]
    fn any_change_to_content_or_predecessor_changes_the_hash() {
        let base = chain_hash(&GENESIS, &event("{}"));
        assert_ne!(base, chain_hash(&GENESIS, &event("{ }")));
        assert_ne!(base, chain_hash(&[1; 32], &event("{}")));
        let mut moved = event("{}");
        moved.seq = 2;
        assert_ne!(base, chain_hash(&GENESIS, &moved));
        assert_eq!(base, chain_hash(&GENESIS, &event("{}")));
    }

    #[test]
    fn field_boundaries_are_unambiguous() {
        let mut a = event("{}");
        a.object_kind = "serv";
        a.object_id = "ices1";
        let mut b = event("{}");
        b.object_kind = "service";
        b.object_id = "s1";
        assert_ne!(chain_hash(&GENESIS, &a), chain_hash(&GENESIS, &b));
    }
}
