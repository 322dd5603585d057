// Documentation generated from the code stays in step with it.
#include <gtest/gtest.h>

#include "interchange/bundle_docs.h"
#include "support/test_support.h"

namespace kc::test {
namespace {

TEST(Docs, BundleColumnsAreUpToDate) {
  EXPECT_EQ(read_file(source_dir() / "docs/bundle-columns.md"), bundle_columns_markdown())
      << "regenerate with: build/src/khuyencong schema > docs/bundle-columns.md";
}

}  // namespace
}  // namespace kc::test
