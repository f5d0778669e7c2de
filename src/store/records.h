#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"

namespace xlsync::store {

/// An Odoo connection as stored. The password or API key is never part of it: it is sealed in
/// the store and only OdooSecret() opens it (for a run). `secret_reference` is where the secret
/// was taken from ("file:/etc/xlsync/odoo.key", "env:ODOO_KEY", or empty), not the secret.
struct OdooConnection {
  int64_t id = 0;
  std::string name;
  std::string url;
  std::string database;
  std::string login;
  std::string auth = "api_key";   // "api_key" | "password": what the sealed secret is
  std::string protocol = "auto";  // "auto" | "jsonrpc" | "json2"
  bool secret_set = false;        // filled on read; ignored on write
  std::string secret_reference;
  core::TimePoint created_at{};
  core::TimePoint updated_at{};
};

/// A Microsoft 365 connection (app registration + the OneDrive user). The client secret is
/// sealed like the Odoo one.
struct MicrosoftConnection {
  int64_t id = 0;
  std::string name;
  std::string tenant_id;
  std::string client_id;
  std::string user_upn;
  std::string authority_host = "https://login.microsoftonline.com";
  std::string graph_url = "https://graph.microsoft.com";
  bool secret_set = false;  // filled on read; ignored on write
  std::string secret_reference;
  core::TimePoint created_at{};
  core::TimePoint updated_at{};
};

/// An export task: which connections, what to read and where to write (the sync::ExportTask
/// as TOML text, so the store does not depend on sync), and how a failed run is retried.
struct Task {
  int64_t id = 0;
  std::string name;
  int64_t odoo_connection_id = 0;
  int64_t microsoft_connection_id = 0;
  std::string spec_toml;      // sync::ParseTaskToml reads it
  std::string workbook_key;   // tasks with equal keys write the same workbook and take turns
  bool enabled = true;
  int max_attempts = 3;       // a failed run is tried this many times in all
  int retry_backoff_seconds = 60;  // doubled after each failed attempt
  core::TimePoint created_at{};
  core::TimePoint updated_at{};
};

/// When a task runs by itself: a five-field cron expression in a time zone, or a fixed interval.
struct Schedule {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string kind = "cron";  // "cron" | "interval"
  std::string expression;     // "0 7 * * 1-5" for cron; seconds as text for interval ("900")
  std::string time_zone = "UTC";
  bool enabled = true;
  bool catch_up = true;  // a time missed while the service was down runs once at start-up
  std::optional<core::TimePoint> next_run_at;
  std::optional<core::TimePoint> last_fired_at;
};

/// One run of a task, from the trigger to the end.
struct Run {
  int64_t id = 0;
  int64_t task_id = 0;
  std::string task_name;     // filled on read
  std::string trigger;       // "manual" | "schedule" | "webhook" | "cli" | "retry"
  std::string started_by;    // user name, "scheduler", "cli:<unix user>"
  std::string status = "queued";  // queued | running | succeeded | failed | interrupted | cancelled
  int attempt = 1;
  core::TimePoint queued_at{};
  std::optional<core::TimePoint> not_before;  // a retry waits until then
  std::optional<core::TimePoint> started_at;
  std::optional<core::TimePoint> ended_at;
  int64_t rows_read = 0;
  int64_t rows_written = 0;
  int64_t odoo_requests = 0;
  int64_t graph_requests = 0;
  int64_t retries = 0;
  int64_t throttle_waits = 0;
  std::string error_message;  // the plain sentence, empty unless failed
  std::string error_code;     // the upstream code, for support
  std::string lease_owner;    // "<host>:<pid>:<nonce>" of the process running it
  std::optional<core::TimePoint> lease_until;
};

/// How far a run got: `rows` data rows are in the sheet and acknowledged, the last of them is the
/// Odoo record `last_id`; `digest` is the RowDigest state after them. Written after each
/// acknowledged chunk; a resumed run continues from here.
struct Checkpoint {
  int64_t run_id = 0;
  int64_t rows = 0;
  int64_t last_id = 0;
  uint64_t digest = 0;
  int64_t last_nonempty_row = 1;
  core::TimePoint updated_at{};
};

/// A line of a run's log.
struct RunLogLine {
  int64_t run_id = 0;
  int64_t seq = 0;
  core::TimePoint at{};
  std::string level;  // "info" | "warn" | "error"
  std::string message;
};

/// One entry of the append-only audit log. `details` is JSON text with secrets masked.
struct AuditEntry {
  int64_t id = 0;
  core::TimePoint at{};
  std::string actor;        // user name or "cli:<unix user>" or "scheduler"
  std::string action;       // "create" | "update" | "delete" | "run" | "apply"
  std::string object_kind;  // "odoo_connection" | "microsoft_connection" | "task" | "schedule" | "user"
  int64_t object_id = 0;
  std::string object_name;
  std::string details;
};

/// A person who may use the service (issue 5 adds sessions and tokens).
struct User {
  int64_t id = 0;
  std::string name;
  std::string role = "viewer";  // admin | editor | operator | viewer
  std::string password_hash;   // Argon2id string; never shown
  bool disabled = false;
  core::TimePoint created_at{};
};

}  // namespace xlsync::store
