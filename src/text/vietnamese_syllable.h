// Whether a word is a well-formed Vietnamese syllable ("Bắc", "nghiêng", "Quốc"): an initial
// consonant, a rhyme from the language's inventory and at most one tone mark, with the spelling
// rules (k/gh/ngh before e, ê, i, y; c/g/ng elsewhere; only the sắc and nặng tones on rhymes that
// end in c, ch, p, t). The legacy-text detector scores readings of a text by this test: the right
// encoding turns nearly every word into a syllable, a wrong one almost none.
#pragma once

#include <string_view>

namespace kc {

// `word`: UTF-8, any case, NFC or not, no spaces. Pure ASCII words are judged too ("tinh" is a
// syllable, "xyz" is not).
bool is_vietnamese_syllable(std::string_view word);

}  // namespace kc
