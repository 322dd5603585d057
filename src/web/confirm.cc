// See confirm.h.
#include "web/confirm.h"

#include "web/request_context.h"

namespace kc::web {

bool confirmed(RequestContext& ctx, const ConfirmQuestion& q) {
  if (ctx.param("xac_nhan") == "1") return true;
  Data fields = list();
  for (const auto& [name, value] : ctx.req.params) {
    if (name == "_csrf" || name == "xac_nhan") continue;
    Data f;
    f.set("name", name);
    f.set("value", value);
    fields.push_back(f);
  }
  Data d;
  d.set("question", q.question);
  d.set("detail", q.detail);
  d.set("button", q.button);
  d.set("back", q.back);
  d.set("action", ctx.req.path);
  d.set("csrf", ctx.csrf());
  d.set("fields", fields);
  ctx.page(200, "confirm", d, q.question);
  return false;
}

}  // namespace kc::web
