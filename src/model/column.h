// A column of the in-memory Dataset, shared between Dataset versions until one of them changes
// it (copy on write). A write through the server makes a new Dataset from the current one
// (model/dataset_update.h): it copies the handful of pointers, and only the columns the write
// touches are copied before they change, so that the readers of the old version keep theirs
// and a write does not cost a reload of 100.000 projects.
//
// Readers use it like the const std::vector it holds (size, [], begin/end, a const reference);
// writers through the same names, each detaching the column first when another version shares it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

template <typename T>
class Column {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;
  using iterator = typename std::vector<T>::iterator;

  Column() = default;
  Column(std::initializer_list<T> items) : items_(std::make_shared<std::vector<T>>(items)) {}
  Column(std::vector<T> items) : items_(std::make_shared<std::vector<T>>(std::move(items))) {}  // NOLINT: implicit on purpose

  // Reading.
  const std::vector<T>& get() const { return items_ ? *items_ : none(); }
  operator const std::vector<T>&() const { return get(); }  // NOLINT: a column reads as its vector
  size_t size() const { return items_ ? items_->size() : 0; }
  bool empty() const { return size() == 0; }
  const T& operator[](size_t i) const { return (*items_)[i]; }
  const T& at(size_t i) const { return get().at(i); }
  const T& front() const { return items_->front(); }
  const T& back() const { return items_->back(); }
  const T* data() const { return get().data(); }
  const_iterator begin() const { return get().begin(); }
  const_iterator end() const { return get().end(); }
  const_iterator cbegin() const { return begin(); }
  const_iterator cend() const { return end(); }
  // True when both versions hold the very same column (nothing was copied between them).
  bool shares_with(const Column& other) const { return items_ == other.items_; }

  // Writing: the column is this version's own first.
  std::vector<T>& mut() {
    if (!items_) items_ = std::make_shared<std::vector<T>>();
    else if (items_.use_count() > 1) items_ = std::make_shared<std::vector<T>>(*items_);
    return *items_;
  }
  T& operator[](size_t i) { return mut()[i]; }
  iterator begin() { return mut().begin(); }
  iterator end() { return mut().end(); }
  T& back() { return mut().back(); }
  void push_back(const T& v) { mut().push_back(v); }
  void push_back(T&& v) { mut().push_back(std::move(v)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return mut().emplace_back(std::forward<Args>(args)...);
  }
  void reserve(size_t n) { mut().reserve(n); }
  void resize(size_t n) { mut().resize(n); }
  void clear() { mut().clear(); }
  void shrink_to_fit() {
    if (items_ && items_->capacity() != items_->size()) mut().shrink_to_fit();
  }

  friend bool operator==(const Column& a, const Column& b) { return a.shares_with(b) || a.get() == b.get(); }

 private:
  static const std::vector<T>& none() {
    static const std::vector<T> none;
    return none;
  }
  std::shared_ptr<std::vector<T>> items_;
};

// Many short texts (codes, names) as one text and each one's end: at national scale 300.000
// strings cost about three times the text itself. Shared between versions like a Column.
class TextColumn {
 public:
  size_t size() const { return end_.size(); }
  bool empty() const { return end_.empty(); }
  std::string_view operator[](size_t i) const {
    size_t from = i == 0 ? 0 : end_[i - 1];
    return std::string_view(text_.data(), text_.size()).substr(from, end_[i] - from);
  }
  void push_back(std::string_view s);
  void insert(size_t i, std::string_view s);
  void erase(size_t i);
  void replace(size_t i, std::string_view s);
  void reserve(size_t n) { end_.reserve(n); }
  void clear() {
    text_.clear();
    end_.clear();
  }
  void shrink_to_fit() {
    text_.shrink_to_fit();
    end_.shrink_to_fit();
  }
  // The position of `s` in a column sorted in byte order, or -1 (an unsorted column: -1 too,
  // unless found where the sort would put it).
  long find_sorted(std::string_view s) const;
  // Where `s` would go in a column sorted in byte order.
  size_t lower_bound(std::string_view s) const;
  friend bool operator==(const TextColumn&, const TextColumn&) = default;

 private:
  Column<char> text_;
  Column<uint32_t> end_;
};

}  // namespace kc
