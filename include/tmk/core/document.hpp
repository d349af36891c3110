#pragma once
// A document as every tool sees it.
#include <string>
#include <vector>

namespace tmk {

// `text` has exactly the bytes of the source document, with three repairs that keep every
// offset valid: a leading byte-order mark becomes spaces, a NUL byte becomes a space, and
// each byte that is not part of valid UTF-8 becomes kInvalidByte (see utf8.hpp), which the
// TSV writer prints as U+FFFD. So `text` is always valid UTF-8 and offsets into it are
// offsets into the original file, line or field.
struct Document {
  std::string id;
  std::string text;
  // The value of InputOptions::date_field for this document ("" when not asked for or absent).
  std::string date;
  // The values of InputOptions::keep_fields, in that order ("" where the document lacks one).
  std::vector<std::string> fields;
  // Set when a DocumentReader defers reading a file to DocumentReader::load, so that worker
  // threads, not the one thread that hands out documents, pay for opening and reading it.
  bool unread = false;
};

}  // namespace tmk
