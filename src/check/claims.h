// Claims: figures a published report states, written down so they can be compared with what
// the records give. A claims file is UTF-8 text, one claim per line:
//
//   # comment
//   de_an.tong.kinh_phi = 30.722,3          # Mục 2
//   gtsx_cnnt.tang_truong_binh_quan = 19,8%
//
// The id is a figure id of the phase report (see docs/report.md or `report --format json`);
// the value is written the Vietnamese way (dot groups thousands, comma is the decimal mark),
// optionally followed by "%" or a unit, which are ignored. The number of decimals written is
// the precision of the claim: "142,9" is compared with the computed value rounded to one decimal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interchange/problem.h"

namespace kc {

struct Claim {
  size_t line = 0;
  std::string id;
  std::string text;     // the value as written
  int64_t scaled = 0;   // value × 10^decimals
  int decimals = 0;
};

struct ClaimsFile {
  std::vector<Claim> claims;
  std::vector<Problem> problems;  // lines that could not be read
};

ClaimsFile parse_claims(const std::string& file_name, const std::string& content);

}  // namespace kc
