//! Passwords and secret tokens: argon2id password hashes, random tokens, and their SHA-256
//! fingerprints (what the database stores instead of the token).

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("could not hash the password")]
    Hashing,
    #[error("the system random generator failed")]
    Random,
}

/// An argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) with a fresh random salt,
/// with the OWASP-recommended default parameters.
pub fn hash_password(password: &str) -> Result<String, SecretError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|_| SecretError::Hashing)
}

/// Whether `password` matches the stored PHC string. The comparison inside argon2 is constant
/// time; a malformed stored hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// 32 random bytes as URL-safe base64 (43 characters), after `prefix`.
pub fn new_token(prefix: &str) -> Result<String, SecretError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| SecretError::Random)?;
    Ok(format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

/// What the database keeps of a session or API token.
pub fn fingerprint(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_hash_only() {
        let stored = hash_password("correct horse battery staple").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple", &stored));
        assert!(!verify_password("correct horse battery stapler", &stored));
        assert!(!verify_password("anything", "not a phc string"));
        assert_ne!(
            stored,
            hash_password("correct horse battery staple").unwrap(),
            "salted"
        );
    }

    #[test]
    fn tokens_are_random_and_stored_as_fingerprints() {
        let a = new_token("sct_").unwrap();
        let b = new_token("sct_").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 4 + 43);
        assert_eq!(fingerprint(&a), fingerprint(&a));
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
