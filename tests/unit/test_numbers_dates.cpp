// Unit tests of relative dates, durations, intervals, time zones and the document date of the
// number extractor. Every sentence here is written for these tests.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tmk/numbers/numbers.hpp"

namespace {

const tmk::NumberExtractor& extractor() {
  static const tmk::NumberExtractor instance;
  return instance;
}

// Each number of `text` as "TEXT|kind|value|unit", read with the document date `date`
// ("" for none: the dateline, if any, is used).
std::vector<std::string> dates(const std::string& text, const std::string& date = {}) {
  const std::optional<tmk::CalendarDate> today = tmk::parse_iso_date(date);
  std::vector<std::string> rows;
  for (const auto& m : extractor().extract(text, tmk::Analysis{}, today)) {
    rows.push_back(text.substr(m.start, m.end - m.start) + "|" + std::string(tmk::to_string(m.kind)) + "|" + m.value +
                   "|" + m.unit);
  }
  return rows;
}

using Rows = std::vector<std::string>;
constexpr const char* kThursday = "2016-08-18";

}  // namespace

TEST_CASE("parse_iso_date takes real days only", "[numbers][dates]") {
  const auto date = tmk::parse_iso_date("2016-02-29");
  REQUIRE(date);
  CHECK(date->year == 2016);
  CHECK(date->month == 2);
  CHECK(date->day == 29);
  CHECK_FALSE(tmk::parse_iso_date("2015-02-29"));
  CHECK_FALSE(tmk::parse_iso_date("2016-13-01"));
  CHECK_FALSE(tmk::parse_iso_date("2016-8-18"));
  CHECK_FALSE(tmk::parse_iso_date(""));
  CHECK_FALSE(tmk::parse_iso_date(std::string("2016-08-1\0", 10)));
}

TEST_CASE("resolve_date_value reads every relative notation", "[numbers][dates]") {
  const tmk::CalendarDate today{2016, 8, 18};  // a Thursday
  CHECK(tmk::resolve_date_value("rel:-1D", today) == "2016-08-17");
  CHECK(tmk::resolve_date_value("rel:+14D", today) == "2016-09-01");
  CHECK(tmk::resolve_date_value("rel:+1W", today) == "2016-W34");
  CHECK(tmk::resolve_date_value("rel:-5M", today) == "2016-03");
  CHECK(tmk::resolve_date_value("rel:+5M", today) == "2017-01");
  CHECK(tmk::resolve_date_value("rel:-2Y", today) == "2014");
  CHECK(tmk::resolve_date_value("rel:<=THU", today) == "2016-08-18");
  CHECK(tmk::resolve_date_value("rel:<THU", today) == "2016-08-11");
  CHECK(tmk::resolve_date_value("rel:>=THU", today) == "2016-08-18");
  CHECK(tmk::resolve_date_value("rel:>THU", today) == "2016-08-25");
  CHECK(tmk::resolve_date_value("rel:<=MON", today) == "2016-08-15");
  CHECK(tmk::resolve_date_value("rel:>=MON", today) == "2016-08-22");
  CHECK(tmk::resolve_date_value("rel:<WKND", today) == "2016-08-13/2016-08-14");
  CHECK(tmk::resolve_date_value("rel:>WKND", today) == "2016-08-20/2016-08-21");
  CHECK(tmk::resolve_date_value("--12-28", {2016, 1, 5}) == "2015-12-28");
  CHECK(tmk::resolve_date_value("--02-29", {2017, 1, 5}) == "2016-02-29");
  CHECK(tmk::resolve_date_value("--03/--05", today) == "2016-03/2016-05");
  CHECK(tmk::resolve_date_value("--11/--02", today) == "2016-11/2017-02");
  // The ISO week of the first days of January can belong to the year before.
  CHECK(tmk::resolve_date_value("rel:+0W", {2016, 1, 2}) == "2015-W53");
  // Anything else is kept as it is.
  CHECK(tmk::resolve_date_value("2015-08-18", today) == "2015-08-18");
  CHECK(tmk::resolve_date_value("rel:<XYZ", today) == "rel:<XYZ");
  CHECK(tmk::resolve_date_value("rel:", today) == "rel:");
  CHECK(tmk::resolve_date_value("rel:+Q", today) == "rel:+Q");
}

TEST_CASE("relative dates without a document date stay relative", "[numbers][dates]") {
  CHECK(dates("The council met Monday to weigh the plan.") == Rows{"Monday|date|rel:<=MON|"});
  CHECK(dates("The mayor resigned last Friday.") == Rows{"last Friday|date|rel:<FRI|"});
  CHECK(dates("The board will vote Monday on it.") == Rows{"Monday|date|rel:>=MON|"});
  CHECK(dates("She was hired yesterday and starts tomorrow.") ==
        Rows{"yesterday|date|rel:-1D|", "tomorrow|date|rel:+1D|"});
  CHECK(dates("The barges collided over the weekend.") == Rows{"over the weekend|interval|rel:<WKND|"});
  CHECK(
      dates("Crowds came this weekend; more will come next weekend and this weekend too.") ==
      Rows{"this weekend|interval|rel:<WKND|", "next weekend|interval|rel:>WKND|", "this weekend|interval|rel:>WKND|"});
  CHECK(dates("Sales fell earlier this month.") == Rows{"earlier this month|date|rel:+0M|"});
  CHECK(dates("Prices rose last year.") == Rows{"last year|year|rel:-1Y|"});
  CHECK(dates("The mill closed two years ago.") == Rows{"two years ago|year|rel:-2Y|"});
  CHECK(dates("The quay flooded three weeks ago.") == Rows{"three weeks ago|date|rel:-21D|"});
  CHECK(dates("A year ago it froze; a week ago it thawed; an hour ago it rained.") ==
        Rows{"A year ago|year|rel:-1Y|", "a week ago|date|rel:-7D|"});
  CHECK(dates("Polls close Nov. 8.") == Rows{"Nov. 8|date|--11-08|"});
}

TEST_CASE("relative dates resolve against the document date", "[numbers][dates]") {
  CHECK(dates("The council met Monday to weigh the plan.", kThursday) == Rows{"Monday|date|2016-08-15|"});
  CHECK(dates("The mayor resigned last Friday.", kThursday) == Rows{"last Friday|date|2016-08-12|"});
  CHECK(dates("The board will vote Monday on it.", kThursday) == Rows{"Monday|date|2016-08-22|"});
  CHECK(dates("Talks resume next Tuesday.", kThursday) == Rows{"next Tuesday|date|2016-08-23|"});
  CHECK(dates("The barges collided over the weekend.", kThursday) ==
        Rows{"over the weekend|interval|2016-08-13/2016-08-14|"});
  CHECK(dates("Sales fell earlier this month.", kThursday) == Rows{"earlier this month|date|2016-08|"});
  CHECK(dates("Prices rose last year.", kThursday) == Rows{"last year|year|2015|"});
  CHECK(dates("The shop reopens next month.", kThursday) == Rows{"next month|date|2016-09|"});
  CHECK(dates("The trial starts next week.", kThursday) == Rows{"next week|date|2016-W34|"});
  CHECK(dates("The mill closed two years ago.", kThursday) == Rows{"two years ago|year|2014|"});
  CHECK(dates("He phoned this morning, not yesterday, and left today.", kThursday) ==
        Rows{"this morning|date|2016-08-18|", "yesterday|date|2016-08-17|", "today|date|2016-08-18|"});
  CHECK(dates("The hearing was held the day before.", kThursday) == Rows{"the day before|date|2016-08-17|"});
  CHECK(dates("The vote is set for Aug. 30.", kThursday) == Rows{"Aug. 30|date|2016-08-30|"});
  CHECK(dates("Fares rose on Dec. 28.", "2016-01-05") == Rows{"Dec. 28|date|2015-12-28|"});
}

TEST_CASE("words that only look like relative dates", "[numbers][dates]") {
  // A weekday followed by its date is read as that date.
  CHECK(dates("It ended Monday, Aug. 15, 2016.") == Rows{"Aug. 15, 2016|date|2016-08-15|"});
  CHECK(dates("The last word and the next step matter this time.").empty());
  CHECK(dates("Over the last year, rents doubled.").empty());
  CHECK(dates("We spent the day before the storm indoors.").empty());
  CHECK(dates("The monday meeting is a habit.").empty());
}

TEST_CASE("durations", "[numbers][dates]") {
  CHECK(dates("He served three years as mayor.") == Rows{"three years|duration|P3Y|"});
  CHECK(dates("The plant shut for six months.") == Rows{"six months|duration|P6M|"});
  CHECK(dates("The talks lasted 2.5 hours.") == Rows{"2.5 hours|duration|PT2.5H|"});
  CHECK(dates("It took two decades and 45 minutes.") ==
        Rows{"two decades|duration|P20Y|", "45 minutes|duration|PT45M|"});
  // An age and a compound adjective are not durations.
  CHECK(dates("The keeper is 45 years old.") == Rows{"45 years old|age|45|year"});
  CHECK(dates("They signed a three-year deal.") == Rows{"three|cardinal|3|"});
  // Hours, minutes and seconds after a word of elapsed time are a duration; a clock time
  // with seconds elsewhere stays a time of day.
  CHECK(dates("Mara finished in 2:07:45 on a cold day.") == Rows{"2:07:45|duration|PT2H7M45S|"});
  CHECK(dates("The climb took 3:00:20 at most.") == Rows{"3:00:20|duration|PT3H20S|"});
  CHECK(dates("She ran a time of 1:58:00.") == Rows{"1:58:00|duration|PT1H58M|"});
  CHECK(dates("The alarm rang at 4:15:10 sharp.") == Rows{"4:15:10|time|04:15:10|"});
  CHECK(dates("The race began in 9:15:00 a.m. sun.") == Rows{"9:15:00 a.m.|time|09:15:00|"});
  CHECK(dates("He logged in 12:03:44 and left.") == Rows{"12:03:44|time|12:03:44|"});
  CHECK(dates("The leader finished in 0:45:10 flat.") == Rows{"0:45:10|duration|PT45M10S|"});
}

TEST_CASE("intervals", "[numbers][dates]") {
  CHECK(dates("The survey ran from 2014 to 2018.") == Rows{"2014 to 2018|interval|2014/2018|"});
  CHECK(dates("It grew between 2010 and 2012.") == Rows{"2010 and 2012|interval|2010/2012|"});
  CHECK(dates("Crops ripen between March and May.") == Rows{"March and May|interval|--03/--05|"});
  CHECK(dates("Crops ripen between March and May.", kThursday) == Rows{"March and May|interval|2016-03/2016-05|"});
  CHECK(dates("Work ran from November to February 2016.") ==
        Rows{"November to February 2016|interval|2015-11/2016-02|"});
  CHECK(dates("Roads close from Aug. 1 to Aug. 18, 2016.") ==
        Rows{"Aug. 1 to Aug. 18, 2016|interval|--08-01/2016-08-18|"});
  CHECK(dates("Roads close from Aug. 1 to Aug. 18.", kThursday) ==
        Rows{"Aug. 1 to Aug. 18|interval|2016-08-01/2016-08-18|"});
  CHECK(dates("The fair runs between Monday and Wednesday.", kThursday) ==
        Rows{"Monday and Wednesday|interval|2016-08-15/2016-08-17|"});
  CHECK(dates("It rained on Aug. 1 and on Aug. 18.") == Rows{"Aug. 1|date|--08-01|", "Aug. 18|date|--08-18|"});
  // Without "from" or "between", two years joined by "to" stay a range.
  CHECK(dates("In 2014 to 2018 prices fell.") == Rows{"2014 to 2018|range|2014..2018|"});
}

TEST_CASE("times with a time zone", "[numbers][dates]") {
  CHECK(dates("Polls close at 8 p.m. EDT tonight.") ==
        Rows{"8 p.m. EDT|time|20:00-04:00|EDT", "tonight|date|rel:+0D|"});
  CHECK(dates("The launch is at noon GMT.") == Rows{"noon GMT|time|12:00Z|GMT"});
  CHECK(dates("Trading stops at 16:30 CET.") == Rows{"16:30 CET|time|16:30+01:00|CET"});
  // A zone is read only in capitals.
  CHECK(dates("At 9 a.m. est was the word.") == Rows{"9 a.m.|time|09:00|"});
}

TEST_CASE("the document date from a dateline", "[numbers][dates]") {
  CHECK(dates("LISBON, Aug. 18, 2016 \u2014 Ferry crews struck Monday.") ==
        Rows{"Aug. 18, 2016|date|2016-08-18|", "Monday|date|2016-08-15|"});
  CHECK(dates("Posted on March 3, 2016\n\nThe fair opened Tuesday.") ==
        Rows{"March 3, 2016|date|2016-03-03|", "Tuesday|date|2016-03-01|"});
  CHECK(dates("Harbour strike ends\nAugust 18, 2016\n\nDockers voted last Friday.") ==
        Rows{"August 18, 2016|date|2016-08-18|", "last Friday|date|2016-08-12|"});
  CHECK(dates("Ferry crews strike Thursday, August 18, 2016 Ferry crews struck Monday.") ==
        Rows{"August 18, 2016|date|2016-08-18|", "Monday|date|2016-08-15|"});
  // A date inside the first sentence is no dateline.
  CHECK(dates("On Thursday, August 18, 2016, the crews struck again Monday.") ==
        Rows{"August 18, 2016|date|2016-08-18|", "Monday|date|rel:<=MON|"});
  CHECK(dates("On March 3, 2014, the firm said sales fell Monday.") ==
        Rows{"March 3, 2014|date|2014-03-03|", "Monday|date|rel:<=MON|"});
  // A date given by the caller wins over the dateline.
  CHECK(dates("LISBON, Aug. 18, 2016 \u2014 Ferry crews struck Monday.", "2016-09-01") ==
        Rows{"Aug. 18, 2016|date|2016-08-18|", "Monday|date|2016-08-29|"});
}

TEST_CASE("relative dates are safe on any bytes", "[numbers][dates]") {
  const std::string text = std::string("last \xff Friday\0 over the\xc3 weekend next", 38) + " week ago";
  const auto rows = extractor().extract(text, tmk::Analysis{});
  for (const auto& m : rows) CHECK(m.end <= text.size());
  CHECK(dates("next") == Rows{});
  CHECK(dates("the day before") == Rows{"the day before|date|rel:-1D|"});
}

namespace {
// The values of the slash dates of `text` read in `order`.
std::vector<std::string> slash_dates(const std::string& text, tmk::DateOrder order = tmk::DateOrder::guess) {
  std::vector<std::string> values;
  for (const auto& m : extractor().extract(text, tmk::Analysis{}, std::nullopt, order))
    if (m.kind == tmk::NumberKind::date) values.push_back(m.value);
  return values;
}
}  // namespace

TEST_CASE("slash dates read day first or month first", "[numbers][dates]") {
  const std::string plain = "The fair ran on 05/06/2019 and on 9/11.";
  CHECK(slash_dates(plain) == Rows{"2019-05-06", "--09-11"});
  // A day and month without the year ("9/11") stay month first.
  CHECK(slash_dates(plain, tmk::DateOrder::day_first) == Rows{"2019-06-05", "--09-11"});
  CHECK(slash_dates(plain, tmk::DateOrder::month_first) == Rows{"2019-05-06", "--09-11"});
  // A day over 12 first elsewhere in the document, a pound sign or a British spelling: day first.
  CHECK(slash_dates("Doors opened 05/06/2019; the last show was 20/06/2019.") == Rows{"2019-06-05", "2019-06-20"});
  CHECK(slash_dates("Tickets were \xc2\xa3"
                    "8 on 05/06/2019.") == Rows{"2019-06-05"});
  CHECK(slash_dates("The colour run was held on 05/06/2019.") == Rows{"2019-06-05"});
  // The document's own dates come before its spelling; an option before both.
  CHECK(slash_dates("The colour run was 05/06/2019, the next 06/18/2019.") == Rows{"2019-05-06", "2019-06-18"});
  CHECK(slash_dates("The colour run was held on 05/06/2019.", tmk::DateOrder::month_first) == Rows{"2019-05-06"});
  // Day and month alike need no choice.
  CHECK(slash_dates("It was 04/04/2019 in the colour photo.") == Rows{"2019-04-04"});
}
