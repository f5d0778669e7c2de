#include "excel/serial_date.h"

#include <gtest/gtest.h>

namespace xlsync::excel {
namespace {

TEST(SerialDateTest, ConvertsDatesToExcelSerials) {
  struct Case {
    int year;
    unsigned month;
    unsigned day;
    double serial;
  };
  const Case cases[] = {
      {1900, 3, 1, 61},     {1900, 12, 31, 366},   {1970, 1, 1, 25569},     {2000, 2, 29, 36585},
      {2024, 3, 15, 45366}, {2024, 12, 31, 45657}, {9999, 12, 31, 2958465},
  };
  for (const auto& c : cases) {
    auto serial = DateSerial(c.year, c.month, c.day);
    ASSERT_TRUE(serial) << c.year << "-" << c.month << "-" << c.day;
    EXPECT_EQ(*serial, c.serial) << c.year << "-" << c.month << "-" << c.day;
  }
}

TEST(SerialDateTest, AddsTheTimeAsAFractionOfTheDay) {
  struct Case {
    int hour;
    int minute;
    int second;
    double serial;
  };
  const Case cases[] = {{0, 0, 0, 45366},
                        {12, 0, 0, 45366.5},
                        {6, 0, 0, 45366.25},
                        {18, 0, 0, 45366.75},
                        {23, 59, 59, 45366 + 86399.0 / 86400}};
  for (const auto& c : cases) {
    auto serial = DateTimeSerial(2024, 3, 15, c.hour, c.minute, c.second);
    ASSERT_TRUE(serial);
    EXPECT_DOUBLE_EQ(*serial, c.serial) << c.hour << ":" << c.minute << ":" << c.second;
  }
}

TEST(SerialDateTest, RefusesDatesExcelCannotHoldWithAPlainMessage) {
  struct Case {
    int year;
    unsigned month;
    unsigned day;
    const char* message;
  };
  const Case cases[] = {
      {1900, 2, 28,
       "The date 1900-02-28 is before 1900-03-01, the earliest date Excel stores exactly: correct "
       "the date or leave this field out of the export."},
      {1899, 12, 31,
       "The date 1899-12-31 is before 1900-03-01, the earliest date Excel stores exactly: correct "
       "the date or leave this field out of the export."},
      {1, 1, 1,
       "The date 0001-01-01 is before 1900-03-01, the earliest date Excel stores exactly: correct "
       "the date or leave this field out of the export."},
      {10000, 1, 1,
       "The date 10000-01-01 is after 9999-12-31, the latest date Excel stores: correct the date "
       "or leave this field out of the export."},
      {2023, 2, 29, "The date 2023-02-29 does not exist: correct the date in the source."},
      {2024, 13, 1, "The date 2024-13-01 does not exist: correct the date in the source."},
      {2024, 4, 31, "The date 2024-04-31 does not exist: correct the date in the source."},
      {2024, 1, 0, "The date 2024-01-00 does not exist: correct the date in the source."},
  };
  for (const auto& c : cases) {
    auto serial = DateSerial(c.year, c.month, c.day);
    ASSERT_FALSE(serial) << c.message;
    EXPECT_EQ(serial.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(serial.error().message, c.message);
  }
}

TEST(SerialDateTest, RefusesTimesThatAreNoTimeOfDay) {
  const int cases[][3] = {{24, 0, 0}, {-1, 0, 0}, {12, 60, 0}, {12, 0, 60}, {12, 0, -1}};
  for (const auto& c : cases) {
    auto serial = DateTimeSerial(2024, 3, 15, c[0], c[1], c[2]);
    ASSERT_FALSE(serial);
    EXPECT_EQ(serial.error().code, core::ErrorCode::kInvalidInput);
  }
  EXPECT_EQ(DateTimeSerial(2024, 3, 15, 24, 0, 0).error().message,
            "The time 24:00:00 on 2024-03-15 is not a valid time of day: correct the time in the "
            "source.");
  EXPECT_EQ(DateTimeSerial(1899, 1, 1, 12, 0, 0).error().message,
            "The date 1899-01-01 is before 1900-03-01, the earliest date Excel stores exactly: "
            "correct the date or leave this field out of the export.");
}

}  // namespace
}  // namespace xlsync::excel
