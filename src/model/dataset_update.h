// A write made the Dataset out of date: the next version is made from the current one, sharing
// every column the write did not touch (model/column.h), instead of loading 100.000 projects and
// 300.000 establishments again (~1 s at national scale).
//
// A project or an establishment is read again alone: its row (for a project also its outputs,
// beneficiaries, settlement day and the approved amendments) replaces its entries, and where
// one is added or removed the positions other parts hold are shifted. Any other kind of record
// has its part read again, with the parts that hold positions in it (a plan: the plans and their
// targets). A change to the administrative units, or one that does not say what it changed,
// loads everything again. Whatever the path, the result equals what load_dataset would read
// (tests/dataset_update_test.cc).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace kc {

class Store;

// What a committed write changed.
struct RecordChange {
  std::string kind;  // the record kind's name; empty: anything may have changed
  std::string key;   // the record's key (for a project, its children follow it); may be empty
  bool operator==(const RecordChange&) const = default;
};

// The Dataset after `changes` (committed to `store`), made from `base`; nullopt when the whole
// Dataset must be loaded again instead.
std::optional<Dataset> updated_dataset(const Dataset& base, Store& store, const std::vector<RecordChange>& changes);

}  // namespace kc
