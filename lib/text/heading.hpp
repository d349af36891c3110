#pragma once
// One definition of a heading for the sentence splitter (a heading line ends a sentence) and
// the quote extractor (a quote in a heading is a headline). Defined in sentences.cpp.
#include <string_view>

#include "tmk/text/sentences.hpp"

namespace tmk {

// Whether text[line] reads as a heading, byline or dateline rather than prose: short (at most
// 150 bytes and 25 words) and, closing quotes and brackets aside, ending neither as a
// sentence or clause does (. ! ? … , ; :) nor in mid-phrase (- / & ( – — or a word the
// splitter's language lists as a connector: "of", "and").
bool is_heading(std::string_view text, Span line, const SentenceSplitter& splitter);

}  // namespace tmk
