#pragma once
// The guard every extractor's entry point runs first, so that the library can be handed any
// bytes and any Analysis without reading outside the text.
#include <string>
#include <string_view>

#include "tmk/text/analysis.hpp"

namespace tmk {

// The text to read: `text` itself when it is valid UTF-8, else a repaired copy of the same
// length in `scratch` (valid_utf8_view). Throws std::invalid_argument, naming `who`, when
// `analysis` does not fit the text: offsets past its end or inside a UTF-8 sequence, spans
// out of order, token ranges outside Analysis::tokens.
std::string_view checked_input(std::string_view text, const Analysis& analysis, std::string& scratch,
                               std::string_view who);

}  // namespace tmk
