//! Configuration: built-in defaults, then `socert.toml` (if present), then `SOCERT_*` environment
//! variables and `DATABASE_URL`, then command-line flags, each overriding the one before.

use std::path::Path;

use anyhow::Context;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

const DEFAULT_FILE: &str = "socert.toml";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    /// `sqlite://PATH` or `postgres://USER@HOST/DB`.
    pub database_url: String,
    /// Address and port to listen on.
    pub bind: String,
    /// Log filter in `tracing` syntax, e.g. `info` or `info,socert_web=debug`.
    pub log: String,
    /// `text` for people, `json` for log collectors.
    pub log_format: LogFormat,
    /// Load demo data into an empty database on `serve`.
    pub demo: bool,
    /// Seconds in-flight requests get to finish after Ctrl-C or SIGTERM.
    pub shutdown_grace_seconds: u64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://socert.db".to_owned(),
            bind: "127.0.0.1:8080".to_owned(),
            log: "info".to_owned(),
            log_format: LogFormat::Text,
            demo: true,
            shutdown_grace_seconds: 30,
        }
    }
}

impl Config {
    /// Reads the configuration. A missing default `socert.toml` is fine; a missing file named
    /// explicitly with `--config` is an error.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                anyhow::ensure!(
                    path.exists(),
                    "config file {} does not exist",
                    path.display()
                );
                figment = figment.merge(Toml::file_exact(path));
            }
            None if Path::new(DEFAULT_FILE).exists() => {
                figment = figment.merge(Toml::file_exact(DEFAULT_FILE));
            }
            None => {}
        }
        figment
            .merge(Env::prefixed("SOCERT_"))
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .extract()
            .context("invalid configuration")
    }
}

#[cfg(test)]
// figment's Jail API returns its own large error type; the size does not matter in tests.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment_override_the_defaults() {
        figment::Jail::expect_with(|jail| {
            let defaults = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(defaults.database_url, "sqlite://socert.db");
            assert_eq!(defaults.bind, "127.0.0.1:8080");

            jail.create_file(
                "socert.toml",
                "bind = \"0.0.0.0:9000\"\nlog_format = \"json\"\n",
            )?;
            let from_file = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(from_file.bind, "0.0.0.0:9000");
            assert_eq!(from_file.log_format, LogFormat::Json);

            jail.set_env("SOCERT_BIND", "127.0.0.1:7000");
            jail.set_env("DATABASE_URL", "postgres://postgres@127.0.0.1/socert");
            let from_env = Config::load(None).map_err(|e| e.to_string())?;
            assert_eq!(from_env.bind, "127.0.0.1:7000");
            assert_eq!(
                from_env.database_url,
                "postgres://postgres@127.0.0.1/socert"
            );
            Ok(())
        });
    }

    #[test]
    fn a_named_config_file_must_exist_and_be_valid() {
        figment::Jail::expect_with(|jail| {
            let missing = Config::load(Some(Path::new("nope.toml"))).unwrap_err();
            assert!(missing.to_string().contains("does not exist"));

            jail.create_file("bad.toml", "shutdown_grace_seconds = \"soon\"\n")?;
            let bad = Config::load(Some(Path::new("bad.toml"))).unwrap_err();
            assert!(
                format!("{bad:#}").contains("shutdown_grace_seconds"),
                "{bad:#}"
            );
            Ok(())
        });
    }
}
