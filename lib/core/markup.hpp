#pragma once
// Text in XML and HTML (graph files, the report): characters that would end a text node or
// an attribute value are written as references.
#include <string>
#include <string_view>

namespace tmk {

// Appends `text` with & < > " TAB LF CR written as references, so it is safe both as element
// text and inside a double-quoted attribute value.
void append_xml_escaped(std::string& out, std::string_view text);
// The same, as a new string.
std::string xml_escaped(std::string_view text);

}  // namespace tmk
