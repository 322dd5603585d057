#include "web/templates.h"

#include <map>
#include <mutex>
#include <stdexcept>

#include "web/embedded_files.h"

namespace kc::web {

namespace {

// Parsed templates, by name. Rendering a parsed template is const and thread-safe.
const kainjow::mustache::mustache& parsed(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return *it->second;
  auto file = embedded_files().find("templates/" + name + ".mustache");
  if (file == embedded_files().end()) throw std::logic_error("no template " + name);
  auto t = std::make_unique<kainjow::mustache::mustache>(std::string(file->second));
  if (!t->is_valid()) throw std::logic_error("template " + name + ": " + t->error_message());
  return *cache.emplace(name, std::move(t)).first->second;
}

}  // namespace

std::string render_template(const std::string& name, const Data& data) {
  // kainjow's render() is not const; a copy of the parsed template is cheap next to I/O.
  kainjow::mustache::mustache copy = parsed(name);
  return copy.render(data);
}

std::string render_page(const std::string& name, const Data& page, Data layout) {
  layout.set("content", render_template(name, page));
  return render_template("layout", layout);
}

}  // namespace kc::web
