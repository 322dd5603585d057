// convert-text: rescues an old text or CSV file typed in TCVN3, VNI or Windows-1258 (or UTF-8
// holding text typed with a legacy font) into UTF-8 NFC, and says what it did. It refuses to guess:
// when the encoding is uncertain it shows each reading of a sample line and writes nothing.
#include <iostream>

#include "cli/commands.h"
#include "core/file_io.h"
#include "core/vn_format.h"
#include "text/legacy_text.h"
#include "text/normalize.h"

namespace kc::cli {

namespace {

size_t count_changed_lines(std::string_view a, std::string_view b) {
  size_t changed = 0;
  while (!a.empty() || !b.empty()) {
    size_t ea = a.find('\n'), eb = b.find('\n');
    if (a.substr(0, ea) != b.substr(0, eb)) ++changed;
    a = ea == std::string_view::npos ? std::string_view() : a.substr(ea + 1);
    b = eb == std::string_view::npos ? std::string_view() : b.substr(eb + 1);
  }
  return changed;
}

void print_ambiguity(const std::string& input, const LegacyDecoding& d) {
  std::cerr << "Không chuyển tệp " << input << ": " << d.message << ".\n";
  if (d.sample_line > 0) {
    std::cerr << "Dòng " << d.sample_line << " đọc theo từng bảng mã:\n";
    for (const LegacyCandidate& c : d.candidates)
      std::cerr << "  --ma-hoa " << legacy_encoding_option(c.encoding) << " (" << legacy_encoding_name(c.encoding)
                << "): «" << c.sample << "»\n";
  }
  std::cerr << "Hãy chọn bảng mã đúng: khuyencong convert-text --ma-hoa tcvn3|vni|cp1258 " << input
            << " -o <tệp mới>. Không có tệp nào được ghi.\n";
}

}  // namespace

void add_convert_text_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("convert-text", "Chuyển tệp văn bản/CSV gõ bằng bảng mã cũ (TCVN3, VNI, Windows-1258) "
                                                 "sang Unicode UTF-8 (NFC)");
  auto input = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  auto encoding = std::make_shared<std::string>();
  cmd->add_option("input", *input, "Tệp cần chuyển")->required();
  cmd->add_option("-o,--output", *output, "Tệp kết quả (mặc định: in ra màn hình)");
  cmd->add_option("--ma-hoa", *encoding, "Bảng mã của tệp: tcvn3, vni, cp1258 (mặc định: tự nhận ra)");
  cmd->callback([&ctx, input, output, encoding] {
    std::optional<LegacyEncoding> chosen;
    if (!encoding->empty() && !(chosen = parse_legacy_encoding(*encoding))) {
      std::cerr << "Bảng mã \"" << *encoding << "\" không được hỗ trợ; dùng tcvn3, vni hoặc cp1258.\n";
      ctx.exit_code = 2;
      return;
    }
    std::optional<std::string> bytes = read_whole_file(*input);
    if (!bytes) {
      std::cerr << "Không đọc được tệp " << *input << ".\n";
      ctx.exit_code = 2;
      return;
    }
    LegacyDecoding d = decode_legacy_bytes(*bytes, chosen);
    // The report goes to standard error when the text itself goes to standard output.
    std::ostream& report = output->empty() ? std::cerr : std::cout;
    std::string text;
    switch (d.outcome) {
      case LegacyDecoding::Outcome::Ambiguous:
        print_ambiguity(*input, d);
        ctx.exit_code = 1;
        return;
      case LegacyDecoding::Outcome::Unreadable:
        std::cerr << "Không chuyển tệp " << *input << ": " << d.message << ". Không có tệp nào được ghi.\n";
        ctx.exit_code = 1;
        return;
      case LegacyDecoding::Outcome::Unicode:
        text = to_nfc(d.text);
        report << "Tệp " << *input << " đã là Unicode (UTF-8)";
        if (!d.message.empty()) report << "; " << d.message;
        report << "; chuẩn hoá NFC: " << format_int(static_cast<int64_t>(count_changed_lines(d.text, text)))
               << " dòng thay đổi.\n";
        break;
      case LegacyDecoding::Outcome::Converted:
        text = std::move(d.text);
        report << "Tệp " << *input << ": " << d.message << ".\n";
        if (d.sample_line > 0) {
          report << "  Ví dụ dòng " << d.sample_line << ": ";
          if (!d.sample_before.empty()) report << "«" << d.sample_before << "» → ";
          report << "«" << d.sample_after << "»\n";
        }
        break;
    }
    if (output->empty()) {
      std::cout << text;
      return;
    }
    write_file_atomically(*output, text);
    report << "Đã ghi " << *output << " (UTF-8, NFC).\n";
  });
}

}  // namespace kc::cli
