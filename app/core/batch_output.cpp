// Batch result files: CSV, JSON lines and XLSX writers (temporary name, renamed when complete) and the
// readers --resume uses (CSV, JSON lines).
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/core/atomic_file.hpp"
#include "app/core/batch_rows.hpp"
#include "app/core/comparison.hpp"
#include "app/core/json_params.hpp"
#include "app/core/text.hpp"

namespace semitco::core::batch {

namespace {

std::string lower_extension(const std::string& path) {
  const auto dot = path.find_last_of('.');
  const auto slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// Column names of a plan, in output order.
std::vector<std::string> column_names(const Plan& plan) {
  std::vector<std::string> c = {"job_id", "status", "route_file", "scenario"};
  for (const auto& a : plan.axes) c.push_back(a.key);
  for (const auto& f : kFigureColumns) c.emplace_back(f.key);
  for (const auto& t : kTextColumns) c.emplace_back(t.key);
  c.emplace_back("error");
  return c;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '"') q += '"';
    q += ch;
  }
  return q + "\"";
}

std::vector<std::string> row_cells(const Plan& plan, const Row& row) {
  std::vector<std::string> c = {printable(row.job_id), row.ok ? "ok" : "failed", printable(row.route_file),
                                printable(row.scenario)};
  for (std::size_t a = 0; a < plan.axes.size(); ++a) c.push_back(format_number(row.sweep[a]));
  for (double v : row.figures) c.push_back(format_number(v));
  for (const auto& t : row.texts) c.push_back(printable(t));
  c.push_back(printable(row.error));
  return c;
}

double number_cell(const std::string& s, const std::string& what) {
  if (s.empty()) return std::nan("");
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) throw BatchUsageError(what + ": '" + s + "' is not a number");
  return v;
}

// A text result written under a temporary name and renamed over the final one by commit(); destroyed
// without commit() (an exception, a failed batch) it removes the temporary file.
class TextRowWriter : public RowWriter {
 public:
  TextRowWriter(const Plan& plan, std::string path)
      : plan_(plan), path_(std::move(path)), tmp_(temporary_name_for(path_, input_files(plan))) {
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
      const std::string err = std::strerror(errno);
      discard_temporary(tmp_);
      throw std::runtime_error(path_ + ": cannot write (" + err + ")");
    }
  }
  ~TextRowWriter() override {
    if (out_.is_open()) {
      out_.close();
      discard_temporary(tmp_);
    }
  }
  void commit() override {
    out_.flush();
    const bool good = static_cast<bool>(out_);
    out_.close();
    if (!good) {
      discard_temporary(tmp_);
      throw std::runtime_error(path_ + ": write failed (disk full?)");
    }
    commit_temporary(tmp_, path_);
  }

 protected:
  const Plan& plan_;
  std::string path_, tmp_;
  std::ofstream out_;
};

class CsvWriter : public TextRowWriter {
 public:
  CsvWriter(const Plan& plan, std::string path) : TextRowWriter(plan, std::move(path)) {
    const auto names = column_names(plan_);
    for (std::size_t i = 0; i < names.size(); ++i) out_ << (i ? "," : "") << csv_field(names[i]);
    out_ << "\n";
  }
  void write(const Row& row) override {
    const auto cells = row_cells(plan_, row);
    for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i ? "," : "") << csv_field(cells[i]);
    out_ << "\n";
  }
};

class JsonlWriter : public TextRowWriter {
 public:
  using TextRowWriter::TextRowWriter;
  void write(const Row& row) override { out_ << row_to_json(plan_, row).dump() << "\n"; }
};

// XLSX in libxlsxwriter's constant-memory mode (rows go to disk as they come, in order). The summary
// sheet ranks lanes (route files) by their mean savings per mile over the ok jobs.
class XlsxWriter : public RowWriter {
 public:
  XlsxWriter(const Plan& plan, std::string path)
      : plan_(plan), path_(std::move(path)), tmp_(temporary_name_for(path_, input_files(plan))) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    wb_ = workbook_new_opt(tmp_.c_str(), &options);
    if (!wb_) {
      discard_temporary(tmp_);
      throw std::runtime_error(path_ + ": cannot create workbook");
    }
    lxw_doc_properties props{};
    props.title = const_cast<char*>("semitco batch results");
    props.created = 1704067200;  // fixed (2024-01-01), so equal runs give equal files
    workbook_set_properties(wb_, &props);
    results_ = workbook_add_worksheet(wb_, "results");
    summary_ = workbook_add_worksheet(wb_, "summary");
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    for (const auto& f : kFigureColumns) {
      auto* fmt = workbook_add_format(wb_);
      format_set_num_format(fmt, f.excel_format);
      number_formats_.push_back(fmt);
    }
    general_ = workbook_add_format(wb_);
    format_set_num_format(general_, "0.###");
    const std::vector<std::string> labels = header_labels();
    for (std::size_t c = 0; c < labels.size(); ++c) {
      worksheet_write_string(results_, 0, col(c), labels[c].c_str(), header_);
    }
    worksheet_freeze_panes(results_, 1, 0);
    worksheet_set_row(results_, 0, 45, nullptr);
    worksheet_set_column(results_, 0, 0, 22, nullptr);
    worksheet_set_column(results_, 2, 3, 30, nullptr);
    worksheet_set_column(results_, col(4 + plan_.axes.size()), col(3 + plan_.axes.size() + kFigureCount), 13,
                         nullptr);
    worksheet_autofilter(results_, 0, 0, 0, col(labels.size() - 1));
  }
  ~XlsxWriter() override {
    if (wb_) {
      workbook_close(wb_);
      discard_temporary(tmp_);
    }
  }
  void write(const Row& row) override {
    ++r_;
    const auto cells = row_cells(plan_, row);
    worksheet_write_string(results_, r_, 0, cells[0].c_str(), nullptr);
    worksheet_write_string(results_, r_, 1, cells[1].c_str(), nullptr);
    worksheet_write_string(results_, r_, 2, cells[2].c_str(), nullptr);
    worksheet_write_string(results_, r_, 3, cells[3].c_str(), nullptr);
    std::size_t c = 4;
    for (double v : row.sweep) worksheet_write_number(results_, r_, col(c++), v, general_);
    for (std::size_t i = 0; i < kFigureCount; ++i, ++c) {
      if (!std::isnan(row.figures[i])) worksheet_write_number(results_, r_, col(c), row.figures[i], number_formats_[i]);
    }
    for (const auto& t : row.texts) {
      if (!t.empty()) worksheet_write_string(results_, r_, col(c), printable(t).c_str(), nullptr);
      ++c;
    }
    if (!row.error.empty()) worksheet_write_string(results_, r_, col(c), cells.back().c_str(), nullptr);
    auto& lane = lanes_[cells[2]];
    ++lane.jobs;
    if (row.ok) {
      ++lane.ok;
      lane.savings_per_mi += row.figures[kSavingsPerMi];
      lane.savings_per_yr += row.figures[kSavingsPerYr];
      lane.distance_mi = row.figures[kDistance];
      lane.ev_cost += row.figures[kEvCostPerMi];
      lane.diesel_cost += row.figures[kDieselCostPerMi];
    }
  }
  void commit() override {
    write_summary();
    const lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR) {
      discard_temporary(tmp_);
      throw std::runtime_error(path_ + ": cannot write workbook (" + lxw_strerror(err) + ")");
    }
    commit_temporary(tmp_, path_);
  }

 private:
  struct Lane {
    std::size_t jobs = 0, ok = 0;
    double savings_per_mi = 0, savings_per_yr = 0, distance_mi = 0, ev_cost = 0, diesel_cost = 0;
  };
  static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }
  std::vector<std::string> header_labels() const {
    std::vector<std::string> l = {"Job id", "Status", "Route file", "Scenario"};
    for (const auto& a : plan_.axes) l.push_back("Sweep: " + a.key);
    for (const auto& f : kFigureColumns) l.emplace_back(f.label);
    for (const auto& t : kTextColumns) l.emplace_back(t.label);
    l.emplace_back("Error");
    return l;
  }
  void write_summary() {
    std::vector<std::pair<std::string, Lane>> lanes(lanes_.begin(), lanes_.end());
    // Lanes with results first, by mean savings per mile (largest first); name breaks ties.
    std::stable_sort(lanes.begin(), lanes.end(), [](const auto& a, const auto& b) {
      if ((a.second.ok > 0) != (b.second.ok > 0)) return a.second.ok > 0;
      if (a.second.ok == 0) return false;
      const double sa = a.second.savings_per_mi / static_cast<double>(a.second.ok);
      const double sb = b.second.savings_per_mi / static_cast<double>(b.second.ok);
      return sa > sb;
    });
    const char* heads[] = {"Rank", "Route file (lane)", "Distance [mi]", "Jobs", "Jobs ok",
                           "Mean savings, EV vs diesel [$/mi]", "Mean savings [$/yr]", "Mean EV cost [$/mi]",
                           "Mean diesel cost [$/mi]"};
    for (lxw_col_t c = 0; c < 9; ++c) worksheet_write_string(summary_, 0, c, heads[c], header_);
    worksheet_freeze_panes(summary_, 1, 0);
    worksheet_set_row(summary_, 0, 45, nullptr);
    worksheet_set_column(summary_, 1, 1, 40, nullptr);
    worksheet_set_column(summary_, 2, 8, 14, nullptr);
    lxw_row_t r = 0;
    for (const auto& [name, lane] : lanes) {
      ++r;
      worksheet_write_number(summary_, r, 0, static_cast<double>(r), nullptr);
      worksheet_write_string(summary_, r, 1, name.c_str(), nullptr);
      worksheet_write_number(summary_, r, 3, static_cast<double>(lane.jobs), nullptr);
      worksheet_write_number(summary_, r, 4, static_cast<double>(lane.ok), nullptr);
      if (lane.ok == 0) continue;
      const double n = static_cast<double>(lane.ok);
      worksheet_write_number(summary_, r, 2, lane.distance_mi, number_formats_[kDistance]);
      worksheet_write_number(summary_, r, 5, lane.savings_per_mi / n, number_formats_[kSavingsPerMi]);
      worksheet_write_number(summary_, r, 6, lane.savings_per_yr / n, number_formats_[kSavingsPerYr]);
      worksheet_write_number(summary_, r, 7, lane.ev_cost / n, number_formats_[kEvCostPerMi]);
      worksheet_write_number(summary_, r, 8, lane.diesel_cost / n, number_formats_[kDieselCostPerMi]);
    }
  }

  const Plan& plan_;
  std::string path_, tmp_;
  lxw_workbook* wb_ = nullptr;
  lxw_worksheet* results_ = nullptr;
  lxw_worksheet* summary_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* general_ = nullptr;
  std::vector<lxw_format*> number_formats_;
  lxw_row_t r_ = 0;
  std::map<std::string, Lane> lanes_;
};

// One CSV record (quoted fields may span lines). False at end of input.
bool read_csv_record(std::istream& in, std::vector<std::string>& fields, bool& complete) {
  fields.clear();
  complete = true;
  std::string cur;
  bool quoted = false, any = false;
  char ch;
  while (in.get(ch)) {
    any = true;
    if (quoted) {
      if (ch == '"') {
        if (in.peek() == '"') {
          in.get(ch);
          cur += '"';
        } else {
          quoted = false;
        }
      } else {
        cur += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
    } else if (ch == '\n') {
      fields.push_back(std::move(cur));
      return true;
    } else if (ch != '\r') {
      cur += ch;
    }
  }
  if (!any) return false;
  fields.push_back(std::move(cur));
  complete = false;  // no newline at the end: a row cut short by a kill
  return true;
}

}  // namespace

OutputKind output_kind(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".csv") return OutputKind::Csv;
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return OutputKind::Jsonl;
  if (ext == ".xlsx") return OutputKind::Xlsx;
  throw BatchUsageError("--out " + path + ": unknown result type '" + ext + "' (use .csv, .jsonl or .xlsx)");
}

std::unique_ptr<RowWriter> make_writer(const Plan& plan, const std::string& path) {
  switch (output_kind(path)) {
    case OutputKind::Csv: return std::make_unique<CsvWriter>(plan, path);
    case OutputKind::Jsonl: return std::make_unique<JsonlWriter>(plan, path);
    case OutputKind::Xlsx: return std::make_unique<XlsxWriter>(plan, path);
  }
  return nullptr;
}

std::string journal_path(const std::string& out) { return out + ".partial.jsonl"; }

std::string content_hash_of_file(const std::string& path) {
  std::string bytes;
  try {
    bytes = read_input_file(path, max_route_file_bytes(), "kMaxRouteFileBytes");
  } catch (const std::exception&) {
    return "unreadable";
  }
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis and prime
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

InputState input_state(const Plan& plan) {
  namespace fs = std::filesystem;
  auto mtime = [](const std::string& p) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    return ec ? fs::file_time_type::max() : t;  // unknown: counts as changed
  };
  InputState st;
  for (const auto& r : plan.routes) {
    st.route_hash.push_back(content_hash_of_file(r));
    st.route_mtime.push_back(mtime(r));
  }
  for (const auto& sc : plan.scenarios) {
    std::vector<std::string> files = {sc};
    try {
      const Scenario s = load_scenario(sc);
      files = s.input_files();
      // The batch ignores the scenario's own route: it is not an input of its jobs.
      files.erase(std::remove(files.begin(), files.end(), s.route_path()), files.end());
    } catch (const std::exception&) {  // the jobs fail with the reason; the file alone is hashed
    }
    std::string joined;
    auto newest = fs::file_time_type::min();
    for (const auto& f : files) {
      joined += content_hash_of_file(f) + " ";
      newest = std::max(newest, mtime(f));
    }
    st.scenario_hash.push_back(joined.substr(0, joined.empty() ? 0 : joined.size() - 1));
    st.scenario_mtime.push_back(newest);
  }
  return st;
}

std::string journal_line(const Plan& plan, const InputState& inputs, const std::string& integrator,
                         std::size_t index, const Row& row) {
  auto j = row_to_json(plan, row);
  j["integrator"] = integrator;
  j["route_fnv1a64"] = inputs.route_hash[plan.route_of(index)];
  j["scenario_fnv1a64"] = inputs.scenario_hash[plan.scenario_of(index)];
  return j.dump();
}

nlohmann::ordered_json row_to_json(const Plan& plan, const Row& row) {
  nlohmann::ordered_json j;
  j["job_id"] = printable(row.job_id);
  j["status"] = row.ok ? "ok" : "failed";
  j["route_file"] = printable(row.route_file);
  j["scenario"] = printable(row.scenario);
  for (std::size_t a = 0; a < plan.axes.size(); ++a) j[plan.axes[a].key] = row.sweep[a];
  for (std::size_t i = 0; i < kFigureCount; ++i) {
    if (std::isnan(row.figures[i])) {
      j[kFigureColumns[i].key] = nullptr;
    } else {
      j[kFigureColumns[i].key] = row.figures[i];
    }
  }
  for (std::size_t i = 0; i < kTextCount; ++i) j[kTextColumns[i].key] = printable(row.texts[i]);
  j["error"] = printable(row.error);
  return j;
}

Row row_from_json(const Plan& plan, const nlohmann::json& j) {
  auto need = [&](const std::string& key) -> const nlohmann::json& {
    if (!j.is_object() || !j.contains(key)) throw BatchUsageError("result row without column '" + key + "'");
    return j.at(key);
  };
  Row row;
  try {
    row.job_id = need("job_id").get<std::string>();
    row.ok = need("status").get<std::string>() == "ok";
    row.route_file = need("route_file").get<std::string>();
    row.scenario = need("scenario").get<std::string>();
    for (const auto& a : plan.axes) row.sweep.push_back(need(a.key).get<double>());
    for (std::size_t i = 0; i < kFigureCount; ++i) {
      const auto& v = need(kFigureColumns[i].key);
      row.figures[i] = v.is_null() ? std::nan("") : v.get<double>();
    }
    for (std::size_t i = 0; i < kTextCount; ++i) row.texts[i] = need(kTextColumns[i].key).get<std::string>();
    row.error = need("error").get<std::string>();
    for (auto [key, field] : {std::pair{"integrator", &row.integrator}, std::pair{"route_fnv1a64", &row.route_hash},
                              std::pair{"scenario_fnv1a64", &row.scenario_hash}}) {
      if (j.contains(key) && j[key].is_string()) *field = j[key].get<std::string>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw BatchUsageError(std::string("result row with a value of the wrong type: ") + e.what());
  }
  return row;
}

std::map<std::string, Row> read_result_rows(const Plan& plan, const std::string& path) {
  std::map<std::string, Row> rows;
  std::ifstream in(path, std::ios::binary);
  if (!in) return rows;
  const OutputKind kind = lower_extension(path) == ".csv" ? OutputKind::Csv : output_kind(path);
  if (kind == OutputKind::Xlsx) {
    throw BatchUsageError("--resume cannot read " + path +
                          " (XLSX); a run writing .xlsx resumes from its journal " + journal_path(path) +
                          ", which is absent: the earlier run finished. Run without --resume to redo it");
  }
  if (kind == OutputKind::Jsonl) {
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      const bool last = in.peek() == std::char_traits<char>::eof();
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) {
        if (last) break;  // cut short by a kill
        throw BatchUsageError(path + ":" + std::to_string(n) + ": not a JSON result row");
      }
      Row row;
      try {
        row = row_from_json(plan, j);
      } catch (const BatchUsageError& e) {
        throw BatchUsageError(path + ":" + std::to_string(n) + ": " + e.what() +
                              " (was it written with other --sweep keys?)");
      }
      rows[row.job_id] = std::move(row);
    }
    return rows;
  }
  // CSV: the header must be exactly this plan's columns.
  const auto names = column_names(plan);
  std::vector<std::string> fields;
  bool complete = true;
  if (!read_csv_record(in, fields, complete)) return rows;
  if (fields != names) {
    throw BatchUsageError(path + ": its columns are not this batch's (other --sweep keys?); cannot --resume");
  }
  std::size_t n = 1;
  while (read_csv_record(in, fields, complete)) {
    ++n;
    if (!complete || fields.size() != names.size()) {
      if (!complete) break;
      throw BatchUsageError(path + ":" + std::to_string(n) + ": expected " + std::to_string(names.size()) +
                            " fields, found " + std::to_string(fields.size()));
    }
    Row row;
    std::size_t c = 0;
    row.job_id = fields[c++];
    row.ok = fields[c++] == "ok";
    row.route_file = fields[c++];
    row.scenario = fields[c++];
    const std::string where = path + ":" + std::to_string(n);
    for (std::size_t a = 0; a < plan.axes.size(); ++a) row.sweep.push_back(number_cell(fields[c++], where));
    for (std::size_t i = 0; i < kFigureCount; ++i) row.figures[i] = number_cell(fields[c++], where);
    for (auto& t : row.texts) t = fields[c++];
    row.error = fields[c++];
    rows[row.job_id] = std::move(row);
  }
  return rows;
}

}  // namespace semitco::core::batch
