#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sqlite_db.h"

// Helpers shared by the sqlite_store*.cc files; not part of the store's interface.
namespace xlsync::store::sqlite_internal {

/// How one kind of object is named in messages and found again by the user.
struct Kind {
  const char* article;  // "An Odoo connection"
  const char* noun;     // "Odoo connection"
  const char* list;     // "xlsync connection list"
};

inline constexpr Kind kOdooKind{"An Odoo connection", "Odoo connection", "xlsync connection list"};
inline constexpr Kind kMicrosoftKind{"A Microsoft connection", "Microsoft connection",
                                     "xlsync connection list"};
inline constexpr Kind kTaskKind{"A task", "task", "xlsync task list"};
inline constexpr Kind kScheduleKind{"A schedule", "schedule", "xlsync schedule list"};
inline constexpr Kind kRunKind{"A run", "run", "xlsync run list"};
inline constexpr Kind kUserKind{"A user", "user", "xlsync user list"};

inline core::Error NoSuchId(const Kind& kind, int64_t id) {
  return core::NotFound(std::string("No ") + kind.noun + " with id " + std::to_string(id) +
                        ": see " + kind.list + ".");
}

inline core::Error NoSuchName(const Kind& kind, const std::string& name) {
  return core::NotFound(std::string("No ") + kind.noun + " named \"" + name + "\": see " +
                        kind.list + ".");
}

/// A unique-name violation told in the kind's words; any other error unchanged.
inline core::Error NameTakenOr(core::Error error, const Kind& kind, const std::string& name) {
  if (error.upstream != "uniqueConstraint") return error;
  error.message =
      std::string(kind.article) + " named \"" + name + "\" already exists: choose another name.";
  return error;
}

inline core::Error NeedsName(const Kind& kind) {
  return core::InvalidInput(std::string("The ") + kind.noun + " has no name: give it one.");
}

inline core::TimePoint Now() { return std::chrono::system_clock::now(); }

/// Runs a query and reads every row with `read(statement)`.
template <typename T, typename Reader, typename... Values>
core::Result<std::vector<T>> QueryAll(SqliteDb& db, std::string_view sql, Reader read,
                                      const Values&... values) {
  auto statement = db.Prepare(sql);
  if (!statement) return std::move(statement).error();
  statement->BindAll(values...);
  std::vector<T> rows;
  for (;;) {
    auto row = statement->Step();
    if (!row) return std::move(row).error();
    if (!*row) return rows;
    rows.push_back(read(*statement));
  }
}

/// Runs a query for one row; `missing` when there is none.
template <typename T, typename Reader, typename... Values>
core::Result<T> QueryOne(SqliteDb& db, std::string_view sql, Reader read, core::Error missing,
                         const Values&... values) {
  auto rows = QueryAll<T>(db, sql, read, values...);
  if (!rows) return std::move(rows).error();
  if (rows->empty()) return missing;
  return std::move(rows->front());
}

/// Runs an UPDATE or DELETE by id; `missing` when no row had that id.
template <typename... Values>
core::Result<void> ChangeOne(SqliteDb& db, std::string_view sql, core::Error missing,
                             const Values&... values) {
  XLSYNC_RETURN_IF_ERROR(db.Execute(sql, values...));
  if (db.Changes() == 0) return missing;
  return {};
}

}  // namespace xlsync::store::sqlite_internal
