// Comparing two versions of a section line by line (longest common subsequence).
#include <algorithm>
#include <sstream>

#include "drafts/report_drafts.h"

namespace kc::drafts {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

std::vector<DiffLine> compare_versions(const std::string& older, const std::string& newer) {
  const std::vector<std::string> a = lines_of(older), b = lines_of(newer);
  const size_t n = a.size(), m = b.size();
  // common[i][j]: the longest common subsequence of a[i..] and b[j..] (sections are short).
  std::vector<std::vector<size_t>> common(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
  std::vector<DiffLine> out;
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      out.push_back({' ', a[i]});
      ++i, ++j;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      out.push_back({'-', a[i++]});
    } else {
      out.push_back({'+', b[j++]});
    }
  }
  for (; i < n; ++i) out.push_back({'-', a[i]});
  for (; j < m; ++j) out.push_back({'+', b[j]});
  return out;
}

}  // namespace kc::drafts
