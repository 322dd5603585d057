// /dinh-dang/tien: the live preview beside a money field (htmx hx-get while typing). Answers an
// HTML fragment computed by the form's own parser (core/money_input.h), so what the preview says
// is what saving will store. Public: it reads nothing but the value sent.
#include "core/money_input.h"
#include "core/vn_format.h"
#include "core/vn_money_words.h"
#include "text/ascii.h"
#include "web/money_preview.h"
#include "web/pages.h"
#include "web/request_context.h"

namespace kc::web {

MoneyPreview money_preview(std::string_view typed) {
  std::string_view s = trim_blanks(typed);
  if (s.empty()) return {};
  MoneyInput m = parse_money_input(s);
  if (!m.dong) return {m.error, true};
  return {"= " + format_int(*m.dong) + " đồng (" + money_in_words(*m.dong) + ")", false};
}

void register_format_pages(App& app) {
  // The input sends its own value under its own name; `truong` names it (gia_tri also works).
  app.add({"GET", "/dinh-dang/tien", "dinh_dang_tien", Access::public_access(), false, [](RequestContext& ctx) {
             std::string typed = ctx.param("gia_tri");
             if (typed.empty() && !ctx.param("truong").empty() && ctx.param("truong")[0] != '_')
               typed = ctx.param(ctx.param("truong"));
             MoneyPreview p = money_preview(typed);
             Data d;
             d.set("text", p.text);
             if (p.error) d.set("error", true);
             ctx.res.set_content(render_template("money_preview", d), "text/html; charset=utf-8");
           }});
}

}  // namespace kc::web
