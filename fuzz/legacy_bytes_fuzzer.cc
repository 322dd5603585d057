// decode_legacy_bytes (text/legacy_text.h) on arbitrary bytes, with no encoding chosen or one
// chosen by the first byte. Whatever the input: no crash, and the outcome keeps its contract —
// Converted and Unicode text is well-formed UTF-8, Converted text is in NFC, Ambiguous names
// candidates, Unreadable holds no text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "text/legacy_text.h"
#include "text/normalize.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::optional<kc::LegacyEncoding> chosen;
  if (data[0] < 3) chosen = kc::kLegacyEncodings[data[0]];
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  kc::LegacyDecoding d = kc::decode_legacy_bytes(input, chosen);
  using Outcome = kc::LegacyDecoding::Outcome;
  switch (d.outcome) {
    case Outcome::Unicode:
      if (d.text != input) std::abort();
      break;
    case Outcome::Converted:
      if (!d.encoding || kc::find_invalid_utf8(d.text) != std::string_view::npos) std::abort();
      if (kc::find_invalid_utf8(input) != std::string_view::npos && kc::to_nfc(d.text) != d.text) std::abort();
      if (d.changed_cells == 0 || d.changed_lines > d.changed_cells) std::abort();
      break;
    case Outcome::Ambiguous:
      if (d.candidates.empty() || chosen) std::abort();
      for (const auto& c : d.candidates)
        if (kc::find_invalid_utf8(c.sample) != std::string_view::npos) std::abort();
      break;
    case Outcome::Unreadable:
      if (!d.text.empty() || chosen) std::abort();
      break;
  }
  return 0;
}
