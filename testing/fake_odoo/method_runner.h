#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/method_table.h"
#include "testing/fake_odoo/orm.h"

namespace xlsync::fakes {

/// Runs a bound model method on the Orm and returns what Odoo would serialise (recordsets as
/// id lists). The caller holds the data lock that `call.spec->writes` asks for.
core::Result<nlohmann::json> RunMethod(Orm& orm, const Env& env, const ModelDef& model, const BoundCall& call);

/// How many records a method result carries (search ids, read rows…), for latency and logs.
int64_t RecordsIn(const BoundCall& call, const nlohmann::json& result);

}  // namespace xlsync::fakes
