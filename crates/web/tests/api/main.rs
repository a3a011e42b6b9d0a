//! Story tests of the HTTP API. Every story runs on SQLite and on PostgreSQL from the same code.

mod support;

mod catalogue;
mod certificates;
mod enrollment_properties;
mod enrollments;
mod errors;
mod feedback;
mod health;
mod identity;
mod ledger;
mod logs;
mod openapi;
mod permissions;
mod registry;
