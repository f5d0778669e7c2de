#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

using fakes::MicrosoftNamed;
using fakes::OdooNamed;
using fakes::TaskNamed;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    odoo_id_ = *store_->CreateOdooConnection(OdooNamed("erp"));
    microsoft_id_ = *store_->CreateMicrosoftConnection(MicrosoftNamed("m365"));
  }

  std::unique_ptr<SqliteStore> store_ = fakes::MemoryStore();
  int64_t odoo_id_ = 0;
  int64_t microsoft_id_ = 0;
};

TEST_F(SqliteStoreTest, OdooConnectionRoundTripsAndIsFoundByName) {
  OdooConnection connection = OdooNamed("erp2");
  connection.auth = "password";
  connection.protocol = "json2";
  connection.secret_reference = "env:ODOO_KEY";
  auto id = store_->CreateOdooConnection(connection);
  ASSERT_TRUE(id) << id.error().message;

  auto found = store_->FindOdooConnection("erp2");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->url, "https://erp.example.com");
  EXPECT_EQ(found->database, "prod");
  EXPECT_EQ(found->login, "bot@example.com");
  EXPECT_EQ(found->auth, "password");
  EXPECT_EQ(found->protocol, "json2");
  EXPECT_EQ(found->secret_reference, "env:ODOO_KEY");
  EXPECT_FALSE(found->secret_set);
  EXPECT_NE(found->created_at, core::TimePoint{});
  EXPECT_EQ(store_->GetOdooConnection(*id)->name, "erp2");
  auto all = store_->ListOdooConnections();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "erp");

  found->url = "https://erp2.example.com";
  ASSERT_TRUE(store_->UpdateOdooConnection(*found));
  EXPECT_EQ(store_->GetOdooConnection(*id)->url, "https://erp2.example.com");
}

TEST_F(SqliteStoreTest, MicrosoftConnectionRoundTrips) {
  auto found = store_->GetMicrosoftConnection(microsoft_id_);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->name, "m365");
  EXPECT_EQ(found->user_upn, "finance@example.com");
  EXPECT_EQ(found->authority_host, "https://login.microsoftonline.com");
  EXPECT_EQ(found->graph_url, "https://graph.microsoft.com");
  found->graph_url = "http://127.0.0.1:8081";
  ASSERT_TRUE(store_->UpdateMicrosoftConnection(*found));
  EXPECT_EQ(store_->FindMicrosoftConnection("m365")->graph_url, "http://127.0.0.1:8081");
  EXPECT_EQ(store_->ListMicrosoftConnections()->size(), 1u);
}

TEST_F(SqliteStoreTest, NamesAreUniquePerKind) {
  auto again = store_->CreateOdooConnection(OdooNamed("erp"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(again.error().message,
            "An Odoo connection named \"erp\" already exists: choose another name.");

  auto microsoft = store_->CreateMicrosoftConnection(MicrosoftNamed("m365"));
  ASSERT_FALSE(microsoft);
  EXPECT_EQ(microsoft.error().message,
            "A Microsoft connection named \"m365\" already exists: choose another name.");
  EXPECT_TRUE(store_->CreateMicrosoftConnection(MicrosoftNamed("erp")))
      << "names are unique per kind only";

  ASSERT_TRUE(store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_)));
  auto task = store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_));
  ASSERT_FALSE(task);
  EXPECT_EQ(task.error().message, "A task named \"orders\" already exists: choose another name.");

  auto other = *store_->CreateOdooConnection(OdooNamed("other"));
  OdooConnection renamed = *store_->GetOdooConnection(other);
  renamed.name = "erp";
  auto update = store_->UpdateOdooConnection(renamed);
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().message,
            "An Odoo connection named \"erp\" already exists: choose another name.");
}

TEST_F(SqliteStoreTest, UnknownIdsAndNamesAreNotFoundInTheKindsOwnWords) {
  struct Case {
    core::Error error;
    std::string message;
  };
  const std::vector<Case> cases = {
      {store_->FindTask("nope").error(), "No task named \"nope\": see xlsync task list."},
      {store_->GetTask(99).error(), "No task with id 99: see xlsync task list."},
      {store_->FindOdooConnection("nope").error(),
       "No Odoo connection named \"nope\": see xlsync connection list."},
      {store_->GetOdooConnection(99).error(),
       "No Odoo connection with id 99: see xlsync connection list."},
      {store_->FindMicrosoftConnection("nope").error(),
       "No Microsoft connection named \"nope\": see xlsync connection list."},
      {store_->SetMicrosoftSecret(99, core::Secret("x")).error(),
       "No Microsoft connection with id 99: see xlsync connection list."},
      {store_->DeleteSchedule(99).error(), "No schedule with id 99: see xlsync schedule list."},
      {store_->GetRun(99).error(), "No run with id 99: see xlsync run list."},
      {store_->FindUser("nope").error(), "No user named \"nope\": see xlsync user list."},
      {store_->DeleteTask(99).error(), "No task with id 99: see xlsync task list."},
      {store_->AppendRunLog(99, "info", "x").error(), "No run with id 99: see xlsync run list."},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.error.code, core::ErrorCode::kNotFound) << c.message;
    EXPECT_EQ(c.error.message, c.message);
  }
}

TEST_F(SqliteStoreTest, InvalidValuesAreRefusedWithAPlainSentence) {
  OdooConnection odoo = OdooNamed("x");
  odoo.auth = "token";
  EXPECT_EQ(store_->CreateOdooConnection(odoo).error().message,
            "The Odoo authentication \"token\" is not known: use api_key or password.");
  odoo = OdooNamed("x");
  odoo.protocol = "xmlrpc";
  EXPECT_EQ(store_->CreateOdooConnection(odoo).error().message,
            "The Odoo protocol \"xmlrpc\" is not known: use auto, jsonrpc or json2.");
  EXPECT_EQ(store_->CreateOdooConnection(OdooNamed("")).error().message,
            "The Odoo connection has no name: give it one.");
  User user;
  user.name = "bob";
  user.role = "root";
  EXPECT_EQ(store_->CreateUser(user).error().message,
            "The role \"root\" is not known: use admin, editor, operator or viewer.");
  Schedule schedule;
  schedule.task_id = *store_->CreateTask(TaskNamed("t", odoo_id_, microsoft_id_));
  schedule.kind = "hourly";
  EXPECT_EQ(store_->CreateSchedule(schedule).error().message,
            "The schedule kind \"hourly\" is not known: use cron or interval.");
}

TEST_F(SqliteStoreTest, TaskRoundTripsAndNeedsExistingConnections) {
  Task task = TaskNamed("orders", odoo_id_, microsoft_id_, "drive:item");
  task.enabled = false;
  task.max_attempts = 5;
  task.retry_backoff_seconds = 30;
  auto id = store_->CreateTask(task);
  ASSERT_TRUE(id) << id.error().message;
  auto found = store_->FindTask("orders");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->spec_toml, "model = \"sale.order\"\n");
  EXPECT_EQ(found->workbook_key, "drive:item");
  EXPECT_FALSE(found->enabled);
  EXPECT_EQ(found->max_attempts, 5);
  EXPECT_EQ(found->retry_backoff_seconds, 30);
  found->spec_toml = "model = \"res.partner\"\n";
  ASSERT_TRUE(store_->UpdateTask(*found));
  EXPECT_EQ(store_->GetTask(*id)->spec_toml, "model = \"res.partner\"\n");
  EXPECT_EQ(store_->ListTasks()->size(), 1u);

  auto orphan = store_->CreateTask(TaskNamed("orphan", 42, microsoft_id_));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().message, "No Odoo connection with id 42: see xlsync connection list.");
}

TEST_F(SqliteStoreTest, ConnectionUsedByATaskCannotBeDeleted) {
  const int64_t task_id = *store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_));

  auto odoo = store_->DeleteOdooConnection(odoo_id_);
  ASSERT_FALSE(odoo);
  EXPECT_EQ(odoo.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(odoo.error().message,
            "The Odoo connection \"erp\" is used by the task \"orders\": delete that task or give "
            "it another "
            "connection first.");
  auto microsoft = store_->DeleteMicrosoftConnection(microsoft_id_);
  ASSERT_FALSE(microsoft);
  EXPECT_EQ(microsoft.error().message,
            "The Microsoft connection \"m365\" is used by the task \"orders\": delete that task or "
            "give it another "
            "connection first.");

  ASSERT_TRUE(store_->DeleteTask(task_id));
  ASSERT_TRUE(store_->DeleteOdooConnection(odoo_id_));
  ASSERT_TRUE(store_->DeleteMicrosoftConnection(microsoft_id_));
  EXPECT_EQ(store_->GetOdooConnection(odoo_id_).error().code, core::ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, DeletingATaskDeletesItsSchedulesAndKeepsItsRunHistory) {
  const int64_t task_id = *store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_));
  const int64_t other_id = *store_->CreateTask(TaskNamed("partners", odoo_id_, microsoft_id_));
  Schedule schedule;
  schedule.task_id = task_id;
  schedule.expression = "0 7 * * 1-5";
  schedule.time_zone = "Europe/Brussels";
  ASSERT_TRUE(store_->CreateSchedule(schedule));
  schedule.task_id = other_id;
  const int64_t kept_schedule = *store_->CreateSchedule(schedule);
  store::Run run;
  run.task_id = task_id;
  run.trigger = "cli";
  const int64_t run_id = store_->EnqueueRun(run)->run_id;

  ASSERT_TRUE(store_->DeleteTask(task_id));

  auto schedules = store_->ListSchedules(std::nullopt);
  ASSERT_TRUE(schedules);
  ASSERT_EQ(schedules->size(), 1u);
  EXPECT_EQ((*schedules)[0].id, kept_schedule);
  auto kept = store_->GetRun(run_id);
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(kept->task_id, 0);
  EXPECT_EQ(kept->task_name, "orders");
  EXPECT_EQ(kept->status, "cancelled") << "nothing could ever claim it";
}

TEST_F(SqliteStoreTest, SchedulesAreListedPerTaskAndRecordWhenTheyFired) {
  const int64_t task_id = *store_->CreateTask(TaskNamed("orders", odoo_id_, microsoft_id_));
  Schedule schedule;
  schedule.task_id = task_id;
  schedule.kind = "interval";
  schedule.expression = "900";
  schedule.catch_up = false;
  const int64_t id = *store_->CreateSchedule(schedule);
  const core::TimePoint fired = FromMillis(1'700'000'000'000);

  ASSERT_TRUE(store_->MarkScheduleFired(id, fired, fired + std::chrono::minutes(15)));

  auto listed = store_->ListSchedules(task_id);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].kind, "interval");
  EXPECT_FALSE((*listed)[0].catch_up);
  EXPECT_EQ((*listed)[0].last_fired_at, fired);
  EXPECT_EQ((*listed)[0].next_run_at, fired + std::chrono::minutes(15));
  Schedule changed = (*listed)[0];
  changed.enabled = false;
  changed.next_run_at.reset();
  ASSERT_TRUE(store_->UpdateSchedule(changed));
  EXPECT_FALSE((*store_->ListSchedules(task_id))[0].enabled);
  EXPECT_FALSE((*store_->ListSchedules(task_id))[0].next_run_at.has_value());
  EXPECT_TRUE(store_->ListSchedules(task_id + 1)->empty());
}

TEST_F(SqliteStoreTest, UsersAreCreatedFoundUpdatedAndDeleted) {
  User user;
  user.name = "ann";
  user.role = "editor";
  user.password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
  const int64_t id = *store_->CreateUser(user);
  EXPECT_EQ(store_->CreateUser(user).error().message,
            "A user named \"ann\" already exists: choose another name.");
  auto found = store_->FindUser("ann");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->password_hash, user.password_hash);
  found->disabled = true;
  found->role = "admin";
  ASSERT_TRUE(store_->UpdateUser(*found));
  EXPECT_TRUE(store_->FindUser("ann")->disabled);
  EXPECT_EQ(store_->ListUsers()->at(0).role, "admin");
  ASSERT_TRUE(store_->DeleteUser(id));
  EXPECT_TRUE(store_->ListUsers()->empty());
}

TEST(SqliteStoreFileTest, PingAnswers) {
  auto store = fakes::MemoryStore();
  EXPECT_TRUE(store->Ping());
}

}  // namespace
}  // namespace xlsync::store
