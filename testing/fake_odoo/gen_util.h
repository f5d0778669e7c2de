#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xlsync::fakes {

/// Helpers shared by the generator files: date formats, rounding, word lists, binaries.
namespace gen {

/// "YYYY-MM-DD HH:MM:SS" (UTC, naive, seconds: odoo-api.md §9.2) of a Unix time.
std::string Datetime(int64_t epoch_seconds);
/// "YYYY-MM-DD" of a Unix time.
std::string Date(int64_t epoch_seconds);
double Round2(double value);
/// An element of `items` chosen by `hash`.
const std::string& Choose(const std::vector<std::string>& items, uint64_t hash);
/// A tiny PNG, base64-encoded, as binary fields read (odoo-api.md §9.2).
const std::string& PngBase64();

/// Names that matter to spreadsheets (formula prefixes, quotes, unicode, newline, tab, numbers
/// with leading zeros): export escaping has to survive every one of them.
const std::vector<std::string>& TrickyNames();

}  // namespace gen
}  // namespace xlsync::fakes
