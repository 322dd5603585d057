// How a bundle file's bytes become the text the import reads (docs/legacy-text.md): UTF-8 is
// taken as it is; a file saved in a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258), or a
// UTF-8 file whose cells were typed with a legacy font, is converted when the encoding is
// certain and reported; when it is not, the file is refused with the candidate readings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/progress.h"
#include "interchange/problem.h"
#include "text/legacy_charsets.h"

namespace kc {

struct ImportOptions {
  // `--ma-hoa tcvn3|vni|cp1258`: the encoding of the files that need one, instead of a guess.
  std::optional<LegacyEncoding> legacy_encoding;
  // `--ma-hoa utf8`: take UTF-8 files as they are, without looking for font-mapped legacy text.
  bool keep_unicode = false;
  // Who imports (the web page's user): recorded on the versions and steps of imported reports.
  std::string user = "nhap_du_lieu";
  // Told of the rows read (a bundle: rows of every file; a workbook: its sheets); none by default.
  ProgressSink* progress = nullptr;
};

// A file (or a workbook's sheet) the import converted to Unicode.
struct TextConversion {
  std::string file;
  LegacyEncoding encoding;
  bool from_bytes = false;  // the file was not UTF-8 (else: UTF-8 cells typed with a legacy font)
  size_t changed_lines = 0, changed_cells = 0;
  size_t sample_line = 0;  // a changed line, before and after
  std::string sample_before, sample_after;
  bool sheet = false;       // `file` names a worksheet; lines are its Excel rows
  std::string sample_cell;  // a sheet's sample: the cell's reference ("B3"), the sample is that cell
};

// One Vietnamese sentence for the CLI and the import report:
// "de_an.csv: tệp không phải UTF-8, đã đọc theo bảng mã TCVN3 (ABC) và chuyển sang Unicode 12 ô
// trên 6 dòng (ví dụ dòng 2: «Hà Nội»)"; for a sheet "trang tính co_so: có ô gõ bằng phông chữ
// của bảng mã TCVN3 (ABC) và chuyển sang Unicode 3 ô trên 2 dòng (ví dụ ô C4: «Hµ Néi» → «Hà Nội»)".
std::string format_conversion(const TextConversion& c);

struct BundleFileText {
  std::string converted;  // the converted text, when `conversion` is set
  std::optional<TextConversion> conversion;
  std::optional<Problem> problem;  // the encoding is uncertain: the file must not be read
};

// Decides how to read `bytes`, the content of bundle file `file`. When neither `conversion` nor
// `problem` is set, the bytes are read as they are (UTF-8, or bytes no encoding explains: the
// import then reports each cell that is not UTF-8).
BundleFileText decode_bundle_file(const std::string& file, std::string_view bytes, const ImportOptions& options);

}  // namespace kc
