#include "text/collate.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace kc {

namespace {

// The collator every thread clones: created once (loading the "vi" tailoring is the slow part),
// never used for comparing itself.
const icu::Collator& prototype() {
  static const std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !c) throw std::runtime_error("ICU Vietnamese collator unavailable");
    return c;
  }();
  return *collator;
}

const icu::Collator& this_threads_collator() {
  thread_local const std::unique_ptr<icu::Collator> collator(prototype().clone());
  if (!collator) throw std::runtime_error("ICU Vietnamese collator could not be cloned");
  return *collator;
}

icu::StringPiece piece(std::string_view s) { return icu::StringPiece(s.data(), static_cast<int32_t>(s.size())); }

}  // namespace

int compare_vi(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = this_threads_collator().compareUTF8(piece(a), piece(b), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU collation failed");
  if (r != UCOL_EQUAL) return r == UCOL_LESS ? -1 : 1;
  return a.compare(b) < 0 ? -1 : a == b ? 0 : 1;
}

std::string sort_key_vi(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(piece(s));
  const icu::Collator& c = this_threads_collator();
  std::string key(s.size() * 3 + 16, '\0');
  int32_t n = c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {  // the first guess was short: ICU said how long
    key.assign(static_cast<size_t>(n), '\0');
    n = c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  // n counts ICU's terminating 0, which stays as the separator before the tie-break.
  key.resize(static_cast<size_t>(n));
  key.append(s);
  return key;
}

}  // namespace kc
