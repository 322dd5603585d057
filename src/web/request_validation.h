// Text that enters through a request must be well-formed UTF-8 without NUL bytes before any
// handler sees it: handlers, templates and the JSON writer assume it (nlohmann::json throws on
// invalid UTF-8, which once turned `/api/van-ban?loai=%ff` into a 500), and the store would keep
// it. App checks every request here first and answers 400 with the message; the check covers
// unknown routes too (httplib's error handler).
#pragma once

#include <optional>
#include <string>

namespace httplib {
struct Request;
}

namespace kc::web {

// A Vietnamese message naming the first part of `req` that is not acceptable text — a path
// segment, a query or urlencoded form parameter (name or value), a multipart text field or file
// name, a header (name or value) — or nullopt when all of it is. Multipart file contents are
// binary and not checked; nor are other bodies (a JSON body is checked by its parser).
std::optional<std::string> malformed_text(const httplib::Request& req);

}  // namespace kc::web
