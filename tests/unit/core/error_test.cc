#include "core/error.h"

#include <gtest/gtest.h>

#include "core/result.h"

namespace xlsync::core {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return InvalidInput("The value must be even: pass an even number.", "odd");
  return value / 2;
}

Result<void> CheckEven(int value) {
  XLSYNC_RETURN_IF_ERROR(Half(value).has_value() ? Result<void>() : Half(value).error());
  return {};
}

TEST(ResultTest, HoldsAValueOrAnError) {
  auto good = Half(4);
  ASSERT_TRUE(good);
  EXPECT_EQ(*good, 2);
  auto bad = Half(3);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.value_or(-1), -1);
}

TEST(ResultTest, ReturnIfErrorPropagatesTheFirstFailure) {
  EXPECT_TRUE(CheckEven(8));
  auto failed = CheckEven(7);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().upstream, "odd");
}

TEST(ErrorTest, ForUserAppendsTheUpstreamCodeForSupport) {
  EXPECT_EQ(NotFound("The workbook was not found: check the link.", "itemNotFound").ForUser(),
            "The workbook was not found: check the link. (itemNotFound)");
  EXPECT_EQ(Internal("Something broke.").ForUser(), "Something broke.");
}

TEST(ErrorTest, DetailRecordsWhereTheErrorWasMade) {
  const Error error = Timeout("Too slow.");
  EXPECT_NE(error.detail.find("error_test.cc:"), std::string::npos);
  EXPECT_EQ(ErrorCodeName(error.code), "timeout");
}

}  // namespace
}  // namespace xlsync::core
