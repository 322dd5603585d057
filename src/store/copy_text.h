// PostgreSQL's COPY text format (the default of COPY … FROM STDIN): one line per row, columns
// separated by a tab, NULL written \N, and in text the backslash, tab, newline and carriage
// return escaped with a backslash, so that no value can end a column or a row early. Every
// other byte (quotes, Vietnamese text in UTF-8) goes as it is.
#pragma once

#include <string>
#include <string_view>

#include "schema/value.h"

namespace kc {

// Appends `text` escaped for a COPY text column.
void append_copy_text(std::string& out, std::string_view text);

// Appends one column's value: \N for null, the decimal digits of an integer, escaped text.
void append_copy_value(std::string& out, const Value& value);

// Appends the row's values in order, tab-separated, and the newline that ends it.
void append_copy_row(std::string& out, const Row& row);

}  // namespace kc
