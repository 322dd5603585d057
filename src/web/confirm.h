// Destructive actions ask before they act. The form of such an action carries
// data-confirm="question": with JavaScript a dialog asks and the form is sent with xac_nhan=1
// (web/static/app.js); without it the handler calls confirmed(), which answers with a page that
// asks the same question and, when the person agrees, posts the same fields again with
// xac_nhan=1. Only for urlencoded forms (a file cannot be carried over).
#pragma once

#include <string>

namespace kc::web {

class RequestContext;

struct ConfirmQuestion {
  std::string question;  // "Lưu trữ cơ sở cs-0046?"
  std::string detail;    // what it does and how it is undone
  std::string button;    // "Có, lưu trữ"
  std::string back;      // where "Không" leads
};

// True when the request says it was confirmed; otherwise answers the confirmation page.
bool confirmed(RequestContext& ctx, const ConfirmQuestion& q);

}  // namespace kc::web
