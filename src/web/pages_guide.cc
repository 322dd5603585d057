// /huong-dan: the user guide, one section per role (ids are the role codes with hyphens, which
// the layout's "Hướng dẫn" link targets). Public: it is documentation. Its pictures are
// web/static/huong-dan-*.png, taken by tests/browser/guide.test.mjs.
#include "web/pages.h"
#include "web/request_context.h"

namespace kc::web {

void register_guide_pages(App& app) {
  app.add({"GET", "/huong-dan", "huong_dan", Access::public_access(), false,
           [](RequestContext& ctx) { ctx.page(200, "guide", Data(), "Hướng dẫn sử dụng"); }});
}

}  // namespace kc::web
