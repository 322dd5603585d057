// decode_legacy_text (text/legacy_text.h) on arbitrary well-formed UTF-8 (the shape of a
// spreadsheet cell or a CSV file typed with a legacy font). No crash; the result is well-formed
// UTF-8; text the detector keeps is returned byte for byte; a conversion changes something.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/legacy_text.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (kc::find_invalid_utf8(input) != std::string_view::npos) return 0;
  bool suspect = kc::may_hold_legacy_text(input);
  kc::LegacyDecoding d = kc::decode_legacy_text(input);
  using Outcome = kc::LegacyDecoding::Outcome;
  if (!suspect && d.outcome != Outcome::Unicode) std::abort();
  if (kc::find_invalid_utf8(d.text) != std::string_view::npos) std::abort();
  switch (d.outcome) {
    case Outcome::Unicode:
    case Outcome::Ambiguous:
      if (d.text != input) std::abort();
      break;
    case Outcome::Converted:
      if (d.text == input || d.changed_cells == 0) std::abort();
      break;
    case Outcome::Unreadable:
      std::abort();  // UTF-8 input is never unreadable
  }
  return 0;
}
