#include "model/column.h"

#include <algorithm>

namespace kc {

void TextColumn::push_back(std::string_view s) {
  std::vector<char>& text = text_.mut();
  text.insert(text.end(), s.begin(), s.end());
  end_.push_back(static_cast<uint32_t>(text.size()));
}

void TextColumn::insert(size_t i, std::string_view s) {
  size_t from = i == 0 ? 0 : end_[i - 1];
  std::vector<char>& text = text_.mut();
  text.insert(text.begin() + static_cast<std::ptrdiff_t>(from), s.begin(), s.end());
  std::vector<uint32_t>& end = end_.mut();
  end.insert(end.begin() + static_cast<std::ptrdiff_t>(i), static_cast<uint32_t>(from));
  for (size_t j = i; j < end.size(); ++j) end[j] += static_cast<uint32_t>(s.size());
}

void TextColumn::erase(size_t i) {
  size_t from = i == 0 ? 0 : end_[i - 1], length = end_[i] - from;
  std::vector<char>& text = text_.mut();
  text.erase(text.begin() + static_cast<std::ptrdiff_t>(from), text.begin() + static_cast<std::ptrdiff_t>(from + length));
  std::vector<uint32_t>& end = end_.mut();
  end.erase(end.begin() + static_cast<std::ptrdiff_t>(i));
  for (size_t j = i; j < end.size(); ++j) end[j] -= static_cast<uint32_t>(length);
}

void TextColumn::replace(size_t i, std::string_view s) {
  if ((*this)[i] == s) return;  // an unchanged name copies nothing
  erase(i);
  insert(i, s);
}

size_t TextColumn::lower_bound(std::string_view s) const {
  size_t lo = 0, hi = size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((*this)[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

long TextColumn::find_sorted(std::string_view s) const {
  size_t at = lower_bound(s);
  return at < size() && (*this)[at] == s ? static_cast<long>(at) : -1;
}

}  // namespace kc
