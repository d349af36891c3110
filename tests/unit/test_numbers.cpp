// Unit tests of the number extractor. Every sentence here is written for these tests.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "numbers/numbers_reader.hpp"
#include "tmk/numbers/numbers.hpp"

namespace {

const tmk::NumberExtractor& extractor() {
  static const tmk::NumberExtractor instance;
  return instance;
}

// Each number of `text` as "TEXT|kind|value|unit|qualifier|counted" (no analysis: one sentence).
std::vector<std::string> numbers(const std::string& text) {
  const std::vector<tmk::NumberMention> mentions = extractor().extract(text, tmk::Analysis{});
  std::vector<std::string> rows;
  for (const auto& m : mentions) {
    rows.push_back(text.substr(m.start, m.end - m.start) + "|" + std::string(tmk::to_string(m.kind)) + "|" + m.value +
                   "|" + m.unit + "|" + std::string(tmk::to_string(m.qualifier)) + "|" + m.counted);
  }
  return rows;
}

using Rows = std::vector<std::string>;

}  // namespace

TEST_CASE("format_decimal writes plain C-locale decimals", "[numbers]") {
  CHECK(tmk::format_decimal(500000) == "500000");
  CHECK(tmk::format_decimal(1.2e9) == "1200000000");
  CHECK(tmk::format_decimal(0.5) == "0.5");
  CHECK(tmk::format_decimal(1.0 / 3) == "0.333333");
  CHECK(tmk::format_decimal(-2.25) == "-2.25");
  CHECK(tmk::format_decimal(-0.0000001) == "0");
}

TEST_CASE("digits with separators, decimals and signs", "[numbers]") {
  CHECK(numbers("The mill employs 2,450 people.") == Rows{"2,450|cardinal|2450|||people"});
  CHECK(numbers("A share traded at 13.75 on Friday.") == Rows{"13.75|cardinal|13.75|||", "Friday|date|rel:<=FRI|||"});
  CHECK(numbers("Overnight it dropped to -12 in the valley.") == Rows{"-12|cardinal|-12|||"});
  CHECK(numbers("The ratio was .45 last week.") == Rows{".45|cardinal|0.45|||", "last week|date|rel:-1W|||"});
  // A comma list of small numbers is several numbers, not one.
  CHECK(numbers("Pick rows 3,17,40.") == Rows{"3|cardinal|3|||", "17|cardinal|17|||", "40|cardinal|40|||"});
}

TEST_CASE("scale words and suffixes", "[numbers]") {
  CHECK(numbers("The dam holds 1.2 billion gallons.") == Rows{"1.2 billion gallons|measure|1200000000|gal||"});
  CHECK(numbers("Exports reached 3 mln crates.") == Rows{"3 mln|cardinal|3000000|||crates"});
  CHECK(numbers("The app has 40k users.") == Rows{"40k|cardinal|40000|||users"});
  CHECK(numbers("Forty thousand fans sang.") == Rows{"Forty thousand|cardinal|40000|||fans"});
}

TEST_CASE("spelled-out cardinals", "[numbers]") {
  CHECK(numbers("Two hundred and five ducks swam by.") == Rows{"Two hundred and five|cardinal|205|||ducks"});
  CHECK(numbers("It cost seventy-three thousand four hundred twelve coins.") ==
        Rows{"seventy-three thousand four hundred twelve|cardinal|73412|||coins"});
  CHECK(numbers("four trillion") == Rows{"four trillion|cardinal|4000000000000|||"});
  CHECK(numbers("She waited eleven minutes.") == Rows{"eleven minutes|duration|PT11M|||"});
}

TEST_CASE("ordinals", "[numbers]") {
  CHECK(numbers("He finished twenty-first of forty racers.") ==
        Rows{"twenty-first|ordinal|21|||racers", "forty|cardinal|40|||racers"});
  CHECK(numbers("The 3rd floor and the 112th street.") == Rows{"3rd|ordinal|3|||floor", "112th|ordinal|112|||street"});
  CHECK(numbers("It was the first time.") == Rows{"first|ordinal|1|||time"});
  CHECK(numbers("the two hundredth visitor") == Rows{"two hundredth|ordinal|200|||visitor"});
}

TEST_CASE("dozens, couples and fractions", "[numbers]") {
  CHECK(numbers("She baked a dozen pies.") == Rows{"a dozen|cardinal|12|||pies"});
  CHECK(numbers("They hired two dozen new nurses.") == Rows{"two dozen|cardinal|24|||nurses"});
  CHECK(numbers("We met dozens of farmers.") == Rows{"dozens|cardinal|24||atleast|farmers"});
  CHECK(numbers("Bring a couple of chairs.") == Rows{"a couple|cardinal|2||approx|chairs"});
  CHECK(numbers("Half of the tickets sold.") == Rows{"Half|fraction|0.5|||tickets"});
  CHECK(numbers("A third of the budget went on fuel.") == Rows{"A third|fraction|0.333333|||budget"});
  CHECK(numbers("three quarters of the crew") == Rows{"three quarters|fraction|0.75|||crew"});
  CHECK(numbers("Add 1/2 cup, then 2 3/4 cups and ½ spoon.") ==
        Rows{"1/2|fraction|0.5|||cup", "2 3/4|fraction|2.75|||cups", "½|fraction|0.5|||spoon"});
  CHECK(numbers("It took two and a half years.") == Rows{"two and a half years|duration|P2.5Y|||"});
  CHECK(numbers("a half million bees") == Rows{"a half million|cardinal|500000|||bees"});
}

TEST_CASE("percentages", "[numbers]") {
  CHECK(numbers("Turnout hit 64% today.") == Rows{"64%|percent|64|percent||", "today|date|rel:+0D|||"});
  CHECK(numbers("Some 58 percent backed the plan.") == Rows{"58 percent|percent|58|percent|approx|"});
  CHECK(numbers("Inflation was 3.1 per cent in May.") == Rows{"3.1 per cent|percent|3.1|percent||"});
  CHECK(numbers("Rates climbed 2 percentage points.") == Rows{"2 percentage points|percent|2|percentage point||"});
  CHECK(numbers("Only twelve percent of students agreed.") == Rows{"twelve percent|percent|12|percent||students"});
}

TEST_CASE("money", "[numbers]") {
  CHECK(numbers("A ticket costs $15.") == Rows{"$15|money|15|USD||"});
  CHECK(numbers("The club paid US$8 each.") == Rows{"US$8|money|8|USD||"});
  CHECK(numbers("The bridge will cost €4.5m in total.") == Rows{"€4.5m|money|4500000|EUR||"});
  CHECK(numbers("A deal worth £2bn was signed.") == Rows{"£2bn|money|2000000000|GBP||"});
  CHECK(numbers("The city borrowed $40 million for schools.") == Rows{"$40 million|money|40000000|USD||"});
  CHECK(numbers("a $9 minimum wage") == Rows{"$9|money|9|USD||wage"});
  CHECK(numbers("Lunch was 30 euros and coffee 80 cents.") ==
        Rows{"30 euros|money|30|EUR||", "80 cents|money|0.8|USD||"});
  CHECK(numbers("Cleaners earn $14 an hour.") == Rows{"$14 an hour|money|14|USD/hour||"});
}

TEST_CASE("measures", "[numbers]") {
  CHECK(numbers("The trail is 12 miles long.") == Rows{"12 miles|measure|12|mile||"});
  CHECK(numbers("It weighs 3.5 kg.") == Rows{"3.5 kg|measure|3.5|kg||"});
}

TEST_CASE("years, decades and fiscal years", "[numbers]") {
  CHECK(numbers("The mill closed in 1987.") == Rows{"1987|year|1987|||"});
  CHECK(numbers("Music of the 1970s and the '80s") == Rows{"1970s|year|1970..1979|||", "'80s|year|1980..1989|||"});
  CHECK(numbers("The budget for 2019-20 was cut.") == Rows{"2019-20|year|2019..2020|||"});
  // A four-digit count of things is not a year.
  CHECK(numbers("The march drew 1500 marchers.") == Rows{"1500|cardinal|1500|||marchers"});
}

TEST_CASE("dates", "[numbers]") {
  CHECK(numbers("It opened on March 3, 2011.") == Rows{"March 3, 2011|date|2011-03-03|||"});
  CHECK(numbers("Polls close Nov. 8.") == Rows{"Nov. 8|date|--11-08|||"});
  CHECK(numbers("He left on 9 July 2004.") == Rows{"9 July 2004|date|2004-07-09|||"});
  CHECK(numbers("Filed 2020-02-29 and 12/25/2019.") ==
        Rows{"2020-02-29|date|2020-02-29|||", "12/25/2019|date|2019-12-25|||"});
  CHECK(numbers("In June 2013 it rained.") == Rows{"June 2013|date|2013-06|||"});
  // "may" the verb is not a month.
  CHECK(numbers("Prices may 10 times rise.").size() == 1);
}

TEST_CASE("times", "[numbers]") {
  CHECK(numbers("The train left at 6:45 P.M. sharp.") == Rows{"6:45 P.M.|time|18:45|||"});
  CHECK(numbers("Doors open at 9 a.m. and close at midnight.") ==
        Rows{"9 a.m.|time|09:00|||", "midnight|time|00:00|||"});
  CHECK(numbers("Lunch is at noon.") == Rows{"noon|time|12:00|||"});
  // Seconds stay in the value; a third group that is no seconds is a number of its own.
  CHECK(numbers("The bell rang at 7:05:30 p.m. on cue.") == Rows{"7:05:30 p.m.|time|19:05:30|||"});
  CHECK(numbers("The clock showed 1:02:75 then.") == Rows{"1:02|time|01:02|||", "75|cardinal|75|||"});
  // Digits after a colon and a space are no seconds.
  CHECK(numbers("The talk began at 10:30: 45 people attended.") ==
        Rows{"10:30|time|10:30|||", "45|cardinal|45|||people"});
}

TEST_CASE("ranges and comparisons", "[numbers]") {
  CHECK(numbers("Costs rose between 30 and 40 percent.") == Rows{"30 and 40 percent|range|30..40|percent||"});
  CHECK(numbers("Yields of 5-8% are common.") == Rows{"5-8%|range|5..8|percent||"});
  CHECK(numbers("Seats cost from $20 to $35.") == Rows{"$20 to $35|range|20..35|USD||"});
  CHECK(numbers("a bike for 1500 - 2500 dollars") == Rows{"1500 - 2500 dollars|range|1500..2500|USD||"});
  CHECK(numbers("It ran from 1997 to 2003.") == Rows{"1997 to 2003|interval|1997/2003|||"});
  CHECK(numbers("The fund needs $2-3 billion.") == Rows{"$2-3 billion|range|2000000000..3000000000|USD||"});
  // A falling pair is two values, both in percent.
  CHECK(numbers("Her lead shrank from 51 to 47 percent.") ==
        Rows{"51|percent|51|percent||", "47 percent|percent|47|percent||"});
  CHECK(numbers("More than 90 villages flooded.") == Rows{"90|cardinal|90||over|villages"});
  CHECK(numbers("fewer than 15 boats") == Rows{"15|cardinal|15||under|boats"});
  CHECK(numbers("at least 6 goals, at most 9 shots, up to 4 games") ==
        Rows{"6|cardinal|6||atleast|goals", "9|cardinal|9||atmost|shots", "4|cardinal|4||upto|games"});
}

TEST_CASE("labels", "[numbers]") {
  CHECK(numbers("Take Highway 9 to the coast.") == Rows{"9|label|9|||"});
  CHECK(numbers("Members of Local 332 walked out.") == Rows{"332|label|332|||"});
  CHECK(numbers("She flew an Airbus 380 home.") == Rows{"380|label|380|||"});
  CHECK(numbers("Call 415-555-0199 today.") == Rows{"415-555-0199|label|415-555-0199|||", "today|date|rel:+0D|||"});
  CHECK(numbers("The server is at 10.0.0.1 now.") == Rows{"10.0.0.1|label|10.0.0.1|||"});
  CHECK(numbers("He wore No. 23, then #8.") == Rows{"23|label|23|||", "#8|label|8|||"});
  CHECK(numbers("She lives at 48 Quarry Lane now.") == Rows{"48|label|48|||"});
  CHECK(numbers("Mail it to Austin, TX 78701-2230 or MA 01003.") ==
        Rows{"78701-2230|label|78701-2230|||", "01003|label|01003|||"});
}

TEST_CASE("codes glued to letters, slash pairs and short years", "[numbers]") {
  CHECK(numbers("The B52 flew over the MX5.") == Rows{"52|label|52|||", "5|label|5|||"});
  CHECK(numbers("Open 24/7 since 9/12.") == Rows{"24/7|label|24/7|||", "9/12|date|--09-12|||"});
  CHECK(numbers("Back in '03 it rained.") == Rows{"'03|year|2003|||"});
  CHECK(numbers("Dial 555-0142 now.") == Rows{"555-0142|label|555-0142|||"});
}

TEST_CASE("more money and measure forms", "[numbers]") {
  CHECK(numbers("It costs 12€ or -$3.") == Rows{"12€|money|12|EUR||", "-$3|money|-3|USD||"});
  CHECK(numbers("She found a dollar and 7 bucks.") == Rows{"a dollar|money|1|USD||", "7 bucks|money|7|USD||"});
  CHECK(numbers("He paid three dollars and forty cents.") == Rows{"three dollars and forty cents|money|3.4|USD||"});
  CHECK(numbers("It hit 41C in the shade.") == Rows{"41C|measure|41|degree Celsius||"});
  CHECK(numbers("A 20-year loan") == Rows{"20|cardinal|20|||year"});
  CHECK(numbers("a 3-percent cut and a 7-mile hike") ==
        Rows{"3-percent|percent|3|percent||", "7-mile|measure|7|mile||hike"});
  CHECK(numbers("Hold on a second.").empty());
}

TEST_CASE("two bounds make a range; currencies named by country", "[numbers]") {
  CHECK(numbers("Rooms hold more than 4 and fewer than 9 guests.") == Rows{"4 and fewer than 9|range|4..9|||guests"});
  CHECK(numbers("Bids of at least $2 but at most $6 won.") == Rows{"$2 but at most $6|range|2..6|USD||"});
  CHECK(numbers("Rent rose over 2 percent and under 40 shops closed.") ==
        Rows{"2 percent|percent|2|percent|over|", "40|cardinal|40||under|shops"});
  CHECK(numbers("She sent 40 Australian dollars and 15 U.S. dollars.") ==
        Rows{"40 Australian dollars|money|40|AUD||", "15 U.S. dollars|money|15|USD||"});
}

TEST_CASE("main and minor units, scales after codes, lakh and crore, dollars of other countries", "[numbers]") {
  CHECK(numbers("A coffee was 4 dollars 75 at the stall.") == Rows{"4 dollars 75|money|4.75|USD||"});
  CHECK(numbers("The book cost twelve dollars sixty.") == Rows{"twelve dollars sixty|money|12.6|USD||"});
  CHECK(numbers("We left 7 $ 20 cents on the table.") == Rows{"7 $ 20 cents|money|7.2|USD||"});
  // A number that counts something else is no minor amount; "$" joined to digits is theirs.
  CHECK(numbers("The club paid 9 dollars 30 players.") == Rows{"9 dollars|money|9|USD||", "30|cardinal|30|||players"});
  CHECK(numbers("She bought 3 $40 tickets.") == Rows{"3|cardinal|3|||", "$40|money|40|USD||tickets"});
  CHECK(numbers("The grant was 40 USD million.") == Rows{"40 USD million|money|40000000|USD||"});
  CHECK(numbers("Sales reached 12.5 MEUR.") == Rows{"12.5 MEUR|money|12500000|EUR||"});
  CHECK(numbers("The temple got Rs 3 crore.") == Rows{"Rs 3 crore|money|30000000|INR||"});
  CHECK(numbers("Plots sell for ₹4.5 lakh.") == Rows{"₹4.5 lakh|money|450000|INR||"});
  CHECK(numbers("The budget is Rs. 2.5 lakh crore.") == Rows{"Rs. 2.5 lakh crore|money|2500000000000|INR||"});
  CHECK(numbers("Nearly 6 lakh voters came.") == Rows{"6 lakh|cardinal|600000||approx|voters"});
  CHECK(numbers("A thousand million viewers watched.") == Rows{"A thousand million|cardinal|1000000000|||viewers"});
  CHECK(numbers("Fares: C$12, HK$90, Mex$45, NZ$7 and J$500.") == Rows{"C$12|money|12|CAD||", "HK$90|money|90|HKD||",
                                                                       "Mex$45|money|45|MXN||", "NZ$7|money|7|NZD||",
                                                                       "J$500|money|500|JMD||"});
  // "A" is also the article: the Australian dollar must not fall back to USD.
  CHECK(numbers("Lunch was A$30; tickets cost A$ 12.") == Rows{"A$30|money|30|AUD||", "A$ 12|money|12|AUD||"});
}

TEST_CASE("number words in names, one and first as pronoun or adverb", "[numbers]") {
  CHECK(numbers("She drove in Formula One for years.") == Rows{});
  CHECK(numbers("Reporters boarded Air Force One early.") == Rows{});
  CHECK(numbers("At one point the lights failed.") == Rows{});
  CHECK(numbers("They met at one school in 2009.") == Rows{"2009|year|2009|||"});
  CHECK(numbers("First of all, thank the cooks.") == Rows{});
  CHECK(numbers("At first the river rose slowly.") == Rows{});
  CHECK(numbers("The rivals scored on us first.") == Rows{});
  // A rank stays an ordinal: after a determiner, or before what it ranks.
  CHECK(numbers("She was the first to speak.") == Rows{"first|ordinal|1|||"});
  CHECK(numbers("It was his first match.") == Rows{"first|ordinal|1|||match"});
  CHECK(numbers("This is my first.") == Rows{"first|ordinal|1|||"});
  // A number word opening the sentence is no name (here it counts the rivers).
  CHECK(numbers("Three Rivers flooded.") == Rows{"Three|cardinal|3|||Rivers"});
}

TEST_CASE("digits inside a product name, model numbers after the", "[numbers]") {
  // The plural after the name counts people who use the product, not the number.
  CHECK(numbers("Most Windows 10 users must patch soon.") == Rows{"10|label|10|||"});
  CHECK(numbers("FTSE 100 firms gained.") == Rows{"100|label|100|||"});
  // A word capitalized only as the sentence's first is no name.
  CHECK(numbers("Walk 2 blocks north.") == Rows{"2|cardinal|2|||blocks"});
  // Opening the sentence, the name is known from the same words written elsewhere after a
  // lower-case word; written again only at a sentence's start, it is not.
  CHECK(numbers("Windows 10 users must patch soon. Most offices still run Windows 10.") ==
        Rows{"10|label|10|||", "10|label|10|||"});
  CHECK(numbers("Windows 10 users waited. Windows 10 fans cheered.") ==
        Rows{"10|cardinal|10|||users", "10|label|10|||"});
  CHECK(numbers("Many iPhone 12 owners reported cracks.") == Rows{"12|label|12|||"});
  // A sentence opening with a preposition and a place still counts.
  CHECK(numbers("In Ohio 300 workers lost jobs.") == Rows{"300|cardinal|300|||workers"});
  // A span of time after a name is no part of it.
  CHECK(numbers("Ferries joined Twitter 5 years ago.") == Rows{"5 years ago|year|rel:-5Y|||"});
  CHECK(numbers("The 747 landed at dawn.") == Rows{"747|label|747|||"});
  CHECK(numbers("Regulators grounded the 737 Max fleet.") == Rows{"737|label|737|||"});
  // A count, a decade, an ordinal or a year after the stays what it is.
  CHECK(numbers("The 300 marched home.") == Rows{"300|cardinal|300|||"});
  CHECK(numbers("See the 100 Greatest Chess Players list.") == Rows{"100|cardinal|100|||"});
  CHECK(numbers("The 214 passengers waited.") == Rows{"214|cardinal|214|||passengers"});
  CHECK(numbers("The 3 men fled.") == Rows{"3|cardinal|3|||men"});
  CHECK(numbers("It began in the 1990s.") == Rows{"1990s|year|1990..1999|||"});
  CHECK(numbers("The 2016 election was close.") == Rows{"2016|year|2016|||"});
  CHECK(numbers("It closes on the 20th.") == Rows{"20th|ordinal|20|||"});
}

TEST_CASE("plural-only nouns and plurals in -men are counted", "[numbers]") {
  // A plural after a place that opens the sentence is counted, not read as part of a name.
  CHECK(numbers("In Utah 250 people queued.") == Rows{"250|cardinal|250|||people"});
  CHECK(numbers("About 30 children, 12 women and 40 police waited.") ==
        Rows{"30|cardinal|30||approx|children", "12|cardinal|12|||women", "40|cardinal|40|||police"});
  CHECK(numbers("Six firemen and 200 cattle were saved.") ==
        Rows{"Six|cardinal|6|||firemen", "200|cardinal|200|||cattle"});
  CHECK(numbers("The 30 businessmen left.") == Rows{"30|cardinal|30|||businessmen"});
  // A word in -men that is a noun of its own is singular, here part of the noun phrase.
  CHECK(numbers("Seers read 3 omen scrolls.") == Rows{"3|cardinal|3|||scrolls"});
}

TEST_CASE("a year before a capitalized plural names an event", "[numbers]") {
  CHECK(numbers("She swam at the 2012 Games in London.") == Rows{"2012|year|2012|||"});
  CHECK(numbers("The 1998 Finals drew crowds.") == Rows{"1998|year|1998|||"});
  CHECK(numbers("He ran in the 2016 Olympics.") == Rows{"2016|year|2016|||"});
  CHECK(numbers("Fans packed the 2020 Finals.") == Rows{"2020|year|2020|||"});
  CHECK(numbers("Tickets for London 2012 Games sold out.") == Rows{"2012|year|2012|||"});
  CHECK(numbers("Tokyo's 2020 Olympics were delayed.") == Rows{"2020|year|2020|||"});
  // After no "the", possessive or name, or in a headline in Title Case, the plural is counted.
  CHECK(numbers("In 2019, 1500 Americans were evacuated.") ==
        Rows{"2019|year|2019|||", "1500|cardinal|1500|||Americans"});
  CHECK(numbers("The party lost 1800 Republicans.") == Rows{"1800|cardinal|1800|||Republicans"});
  CHECK(numbers("Only 1200 Democrats voted.") == Rows{"1200|cardinal|1200|||Democrats"});
  CHECK(numbers("The army sent 2000 Marines to the base.") == Rows{"2000|cardinal|2000|||Marines"});
  CHECK(numbers("Ford To Cut 1200 Jobs In Europe") == Rows{"1200|cardinal|1200|||Jobs"});
  CHECK(numbers("A 1200 Calories Weight Loss Diet") == Rows{"1200|cardinal|1200|||Calories"});
  CHECK(numbers("The league played 1500 Games.") == Rows{"1500|cardinal|1500|||Games"});
  CHECK(numbers("Ford Cuts 2000 Jobs In Europe") == Rows{"2000|cardinal|2000|||Jobs"});
  // A run of capitals elsewhere in the sentence makes no Title Case.
  CHECK(numbers("Tech Tour 2010 Launches in Ohio. WIN A PRIZE!") == Rows{"2010|year|2010|||"});
  // A plural in lower case, or in a line of capitals, is what the number counts.
  CHECK(numbers("They hired 1200 workers.") == Rows{"1200|cardinal|1200|||workers"});
  CHECK(numbers("1200 JOBS CUT") == Rows{"1200|cardinal|1200|||JOBS"});
}

TEST_CASE("a verb after a count is not the counted noun", "[numbers]") {
  CHECK(numbers("Students scoring greater than or equal to 5 pass the course.") == Rows{"5|cardinal|5||atleast|"});
  CHECK(numbers("If 3 fail the exam, they sit it again.") == Rows{"3|cardinal|3|||"});
  CHECK(numbers("Two lead the race.") == Rows{"Two|cardinal|2|||"});
  // A singular that ends the sentence is a verb too; a plural or one's singular is counted there.
  CHECK(numbers("Of the 30 students, 5 pass.") == Rows{"30|cardinal|30|||students", "5|cardinal|5|||"});
  CHECK(numbers("The coop keeps 12 hens.") == Rows{"12|cardinal|12|||hens"});
  CHECK(numbers("The club has 1 member!") == Rows{"1|cardinal|1|||member"});
  CHECK(numbers("He batted in 11 RBI.") == Rows{"11|cardinal|11|||RBI"});
  CHECK(numbers("He weighs 14 stone.") == Rows{"14|cardinal|14|||stone"});
  // One takes a singular noun; a plural before an object is still counted.
  CHECK(numbers("He gave 1 student the prize.") == Rows{"1|cardinal|1|||student"});
  CHECK(numbers("The firm gave 40 workers a bonus.") == Rows{"40|cardinal|40|||workers"});
  // Nouns that are their own plural are counted; "a", "the" before a span of time open no object.
  CHECK(numbers("The airline ordered 30 aircraft a month ago.") ==
        Rows{"30|cardinal|30|||aircraft", "a month ago|date|rel:-1M|||"});
  CHECK(numbers("They caught 12 fish the first day.") == Rows{"12|cardinal|12|||fish", "first|ordinal|1|||day"});
  CHECK(numbers("The inn employs 300 staff the year round.") == Rows{"300|cardinal|300|||staff"});
  CHECK(numbers("She kept 40 sheep all winter.") == Rows{"40|cardinal|40|||sheep"});
  CHECK(numbers("About 40 crew the ship.") == Rows{"40|cardinal|40||approx|crew"});
  CHECK(numbers("He hired 30 staff members.") == Rows{"30|cardinal|30|||members"});
  // Only a plural in -s goes on from one that is its own singular.
  CHECK(numbers("These are the two men police seek.") == Rows{"two|cardinal|2|||men"});
}

TEST_CASE("scores", "[numbers]") {
  CHECK(numbers("The visitors won 4-2 in the rain.") == Rows{"4-2|score|4-2|||"});
  CHECK(numbers("It was a 98-95 victory.") == Rows{"98-95|score|98-95|||"});
  CHECK(numbers("They beat the hosts 1–0.") == Rows{"1–0|score|1-0|||"});
  // Without a word of winning or losing, a dash joins a range.
  CHECK(numbers("Bring 4-6 chairs.") == Rows{"4-6|range|4..6|||chairs"});
}

TEST_CASE("counted nouns: bounds joined to the number, comparisons", "[numbers]") {
  CHECK(numbers("The plant has 2,000-plus workers.") == Rows{"2,000-plus|cardinal|2000||over|workers"});
  CHECK(numbers("It took 40-odd attempts.") == Rows{"40-odd|cardinal|40||approx|attempts"});
  CHECK(numbers("Renters are $300 a month worse off.") == Rows{"$300 a month|money|300|USD/month||"});
}

TEST_CASE("temperatures, areas, data sizes and compound lengths", "[numbers]") {
  CHECK(numbers("Expect 35 celsius by noon.") == Rows{"35 celsius|measure|35|degree Celsius||", "noon|time|12:00|||"});
  CHECK(numbers("Nights near 4 deg c are likely.") == Rows{"4 deg c|measure|4|degree Celsius||"});
  CHECK(numbers("The lake hit -15 °C overnight.") == Rows{"-15 °C|measure|-15|degree Celsius||"});
  CHECK(numbers("A fever of 101.3 degrees F is high.") == Rows{"101.3 degrees F|measure|101.3|degree Fahrenheit||"});
  CHECK(numbers("The shop has 120 square metres of floor.") == Rows{"120 square metres|measure|120|m2||floor"});
  CHECK(numbers("Fire burned 15 sq. km of forest.") == Rows{"15 sq. km|measure|15|km2||forest"});
  CHECK(numbers("Each flat is 45 m².") == Rows{"45 m²|measure|45|m2||"});
  CHECK(numbers("They sold 8 metric tons of wheat.") == Rows{"8 metric tons|measure|8|t||wheat"});
  CHECK(numbers("The update is 750 MB.") == Rows{"750 MB|measure|750|MB||"});
  CHECK(numbers("A dose of 25 µg twice daily.") == Rows{"25 µg|measure|25|µg||"});
  CHECK(numbers("The goalkeeper is 6 ft 3 in tall.").front() == "6 ft 3 in|measure|75|in||tall");
  CHECK(numbers("She measured 5ft 9in.") == Rows{"5ft 9in|measure|69|in||"});
  CHECK(numbers("He is 5 feet 11 inches.") == Rows{"5 feet 11 inches|measure|71|in||"});
}

TEST_CASE("ages", "[numbers]") {
  CHECK(numbers("A 52-year-old teacher won.") == Rows{"52-year-old|age|52|year||teacher"});
  CHECK(numbers("The twins are seven years old.") == Rows{"seven years old|age|7|year||"});
  CHECK(numbers("A 9-month-old puppy slept.") == Rows{"9-month-old|age|9|month||puppy"});
  CHECK(numbers("The rider, aged 19, fell.") == Rows{"19|age|19|year||"});
  CHECK(numbers("She retired at age 61.") == Rows{"61|age|61|year||"});
  // After "aged", a number that counts something else is no age.
  CHECK(numbers("They aged 3 samples in oak.") == Rows{"3|cardinal|3|||samples"});
}

TEST_CASE("ranges of ordinals", "[numbers]") {
  CHECK(numbers("Seats between the fourth and the ninth rows.") == Rows{"fourth and the ninth|range|4..9|||rows"});
  CHECK(numbers("They finished from 2nd to 5th place.") == Rows{"2nd to 5th|range|2..5|||place"});
}

TEST_CASE("qualifiers written after the number", "[numbers]") {
  CHECK(numbers("Groups of 8 or more guests pay less.") == Rows{"8|cardinal|8||atleast|guests"});
  CHECK(numbers("Bags of 3 or fewer items") == Rows{"3|cardinal|3||atmost|items"});
}

TEST_CASE("pronoun one and articles are not numbers", "[numbers]") {
  CHECK(numbers("One of the senators objected.").empty());
  CHECK(numbers("No one came to the hearing.").empty());
  CHECK(numbers("She chose the one with a red roof.").empty());
  CHECK(numbers("Which one is yours?").empty());
  CHECK(numbers("One said the vote was close.").empty());
  CHECK(numbers("Two of the four ferries sank.") == Rows{"Two|cardinal|2|||ferries", "four|cardinal|4|||ferries"});
  CHECK(numbers("A man and an owl sat there.").empty());
  CHECK(numbers("He scored one goal.") == Rows{"one|cardinal|1|||goal"});
}

TEST_CASE("counted noun skips adjectives and stops at verbs", "[numbers]") {
  CHECK(numbers("Some 40 angry dairy farmers protested.") == Rows{"40|cardinal|40||approx|farmers"});
  CHECK(numbers("Only 7 of the 12 jurors agreed.") == Rows{"7|cardinal|7|||jurors", "12|cardinal|12|||jurors"});
  CHECK(numbers("Officials said 9 died.") == Rows{"9|cardinal|9|||"});
}

TEST_CASE("URLs and e-mail addresses are skipped", "[numbers]") {
  CHECK(numbers("See https://example.org/page?id=42&x=50% for more.").empty());
  CHECK(numbers("Write to desk42@example.com today.") == Rows{"today|date|rel:+0D|||"});
  CHECK(numbers("Visit (www.shop24.example) for 3 deals.") == Rows{"3|cardinal|3|||deals"});
}

TEST_CASE("sentences bound numbers and offsets are bytes", "[numbers]") {
  const std::string text = "Café prices rose 5%. Then 7 more.";
  tmk::Analysis analysis;
  analysis.sentences.push_back({{0, 21}, 0, 0});
  analysis.sentences.push_back({{22, text.size()}, 0, 0});
  const std::vector<tmk::NumberMention> mentions = extractor().extract(text, analysis);
  REQUIRE(mentions.size() == 2);
  CHECK(text.substr(mentions[0].start, mentions[0].end - mentions[0].start) == "5%");
  CHECK(mentions[0].sentence == 0);
  CHECK(mentions[1].start == 27);
  CHECK(mentions[1].sentence == 1);
}

TEST_CASE("a document of thousands of sentences opening with a word and a number", "[numbers]") {
  // The text is read once for names, not once a sentence: each opening word is known to be
  // no name, and the name written after a lower-case word at the end is one.
  std::string text;
  tmk::Analysis analysis;
  const auto add_sentence = [&](std::string_view sentence) {
    analysis.sentences.push_back({{text.size(), text.size() + sentence.size()}, 0, 0});
    text.append(sentence).append(" ");
  };
  for (int k = 0; k < 5000; ++k) add_sentence("Walk 2 blocks north.");
  add_sentence("Windows 10 users waited.");
  add_sentence("Most offices run Windows 10.");
  const std::vector<tmk::NumberMention> mentions = extractor().extract(text, analysis);
  REQUIRE(mentions.size() == 5002);
  const auto counts_blocks = [](const tmk::NumberMention& m) {
    return m.kind == tmk::NumberKind::cardinal && m.value == "2" && m.counted == "blocks";
  };
  CHECK(std::count_if(mentions.begin(), mentions.begin() + 5000, counts_blocks) == 5000);
  CHECK(mentions[5000].kind == tmk::NumberKind::label);
  CHECK(mentions[5000].sentence == 5000);
  CHECK(mentions[5001].kind == tmk::NumberKind::label);
}

TEST_CASE("a tilde before a number means about", "[numbers]") {
  CHECK(numbers("The hall seats ~40 guests.") == Rows{"40|cardinal|40||approx|guests"});
  CHECK(numbers("The hall seats 40 guests.") == Rows{"40|cardinal|40|||guests"});
}

TEST_CASE("or equal to turns a strict bound into an inclusive one", "[numbers]") {
  CHECK(numbers("Teams with greater than or equal to 5 wins advance.") == Rows{"5|cardinal|5||atleast|wins"});
  CHECK(numbers("Loads less than or equal to 9 tons are fine.") == Rows{"9 tons|measure|9|ton|atmost|"});
  CHECK(numbers("Teams with greater than 5 wins advance.") == Rows{"5|cardinal|5||over|wins"});
  CHECK(numbers("Loads less than 9 tons are fine.") == Rows{"9 tons|measure|9|ton|under|"});
  // "equal to or more than", "equal or less than", the signs ≥ ≤ >= <=.
  CHECK(numbers("Fees equal to or more than 8 dollars are due.") == Rows{"8 dollars|money|8|USD|atleast|"});
  CHECK(numbers("Bags equal or less than 4 kg are free.") == Rows{"4 kg|measure|4|kg|atmost|"});
  CHECK(numbers("Keep ≥ 6 seeds and ≤ 3 husks.") == Rows{"6|cardinal|6||atleast|seeds", "3|cardinal|3||atmost|husks"});
  CHECK(numbers("Keep rows where x >= 2.") == Rows{"2|cardinal|2||atleast|"});
  CHECK(numbers("Drop rows where x <= 7.") == Rows{"7|cardinal|7||atmost|"});
  // "equal to" alone names the value itself: no bound.
  CHECK(numbers("Turnout was equal to 40 percent of voters.") == Rows{"40 percent|percent|40|percent||voters"});
}

// The steps of SentenceReader::read_number, each on a phrase of its own.
namespace {

namespace nd = tmk::numbers_detail;

const nd::Vocabulary& vocabulary() {
  static const nd::Vocabulary instance;
  return instance;
}

std::vector<nd::Lexeme> lexed(const std::string& text) {
  std::vector<nd::Lexeme> lexemes;
  nd::lex(text, 0, text.size(), vocabulary(), lexemes);
  return lexemes;
}

}  // namespace

TEST_CASE("vocabulary words are found as written, in any ASCII case", "[numbers]") {
  const nd::WordInfo* twelve = vocabulary().find("twelve");
  REQUIRE(twelve != nullptr);
  CHECK(twelve->role == nd::Role::teen);
  CHECK(twelve->value == 12);
  CHECK(vocabulary().find("Twelve") == twelve);
  CHECK(vocabulary().find("TWELVE") == twelve);
  CHECK(vocabulary().find("tWeLvE") == twelve);
  CHECK(vocabulary().find("twelves") == nullptr);
  CHECK(vocabulary().find("twelv") == nullptr);
  CHECK(vocabulary().find("tw\xC3\xA9lve") == nullptr);  // "twélve"
  CHECK(vocabulary().find("") == nullptr);
  // Months and weekdays come from words/*.tsv, short forms too.
  REQUIRE(vocabulary().find("Feb") != nullptr);
  CHECK(vocabulary().find("Feb")->role == nd::Role::month);
  CHECK(vocabulary().find("FEB")->value == 2);
  REQUIRE(vocabulary().find("SUNDAY") != nullptr);
  CHECK(vocabulary().find("SUNDAY")->role == nd::Role::weekday);
  // The lexer gives a word its entry however it is written.
  const std::vector<nd::Lexeme> lexemes = lexed("NOON or Noon, O'CLOCK");
  REQUIRE(lexemes.size() == 5);
  REQUIRE(lexemes[0].info != nullptr);
  CHECK(lexemes[0].info->role == nd::Role::clock);
  CHECK(lexemes[2].info == lexemes[0].info);
  REQUIRE(lexemes[4].info != nullptr);
  CHECK(lexemes[4].info->role == nd::Role::oclock);
}

namespace {

// A reader over the lexemes of `text` (members in the order they are made).
struct Phrase {
  explicit Phrase(std::string t) : text(std::move(t)) {}
  std::string text;
  std::vector<nd::Lexeme> lexemes = lexed(text);
  std::vector<tmk::NumberMention> out;
  nd::NamesInDocument names{text};
  nd::SentenceReader reader{text, lexemes, vocabulary(), names, out};
};

// The whole number read from lexeme `j` into a fresh `a`, as read_number leaves it before the
// endings.
nd::SentenceReader::WholeNumber whole(Phrase& p, std::size_t j, nd::Amount& a) {
  a = {};
  nd::SentenceReader::WholeNumber w;
  p.reader.read_whole_number(j, false, false, w, a);
  a.end = w.accepted;
  a.value = w.value();
  a.spelled = w.words > 0;
  return w;
}

}  // namespace

TEST_CASE("read_number steps: signs", "[numbers]") {
  double sign = 1;
  Phrase minus("minus 5 degrees");
  CHECK(minus.reader.read_sign(0, false, sign) == 1);
  CHECK(sign == -1);
  sign = 1;
  Phrase dash("-5 degrees");
  CHECK(dash.reader.read_sign(0, false, sign) == 1);
  CHECK(sign == -1);
  sign = 1;
  CHECK(dash.reader.read_sign(0, true, sign) == 0);  // words only: the dash is no sign
  Phrase range("pages 10-12");
  sign = 1;
  CHECK(range.reader.read_sign(2, false, sign) == 2);  // the dash joins 10 and 12
  CHECK(sign == 1);
}

TEST_CASE("read_number steps: set phrases", "[numbers]") {
  nd::Amount a;
  Phrase fifth("a fifth of the vote");
  REQUIRE(fifth.reader.read_one_over_ordinal(0, 1, a));
  CHECK(a.value == Approx(0.2));
  CHECK(a.kind == tmk::NumberKind::fraction);
  CHECK(a.end == 2);
  Phrase second("wait a second");
  CHECK_FALSE(second.reader.read_one_over_ordinal(1, 1, a));
  Phrase century("a nineteenth-century house");
  CHECK_FALSE(century.reader.read_one_over_ordinal(0, 1, a));

  a = {};
  Phrase tens("tens of thousands of fans");
  REQUIRE(tens.reader.read_plural_scale_of(0, 1, a));
  CHECK(a.value == 20000);
  CHECK(a.implied == tmk::Qualifier::atleast);
  CHECK(a.end == 3);
  Phrase counted("five hundreds of them");
  CHECK_FALSE(counted.reader.read_plural_scale_of(1, 1, a));

  a = {};
  Phrase couple("a couple of tents");
  REQUIRE(couple.reader.read_couple(0, a));
  CHECK(a.value == 2);
  CHECK(a.implied == tmk::Qualifier::approx);

  using Match = nd::SentenceReader::Match;
  a = {};
  Phrase half("half a million tents");
  REQUIRE(half.reader.read_half_or_quarter(0, 1, a) == Match::found);
  CHECK(a.value == 500000);
  CHECK(a.scale == 1e6);
  CHECK(a.end == 3);
  a = {};
  Phrase quarter("a quarter of it");
  REQUIRE(quarter.reader.read_half_or_quarter(0, -1, a) == Match::found);
  CHECK(a.value == -0.25);
  CHECK(a.kind == tmk::NumberKind::fraction);
  Phrase half_time("at half-time");
  CHECK(half_time.reader.read_half_or_quarter(1, 1, a) == Match::refused);
  Phrase first_half("in the first half");
  CHECK(first_half.reader.read_half_or_quarter(3, 1, a) == Match::refused);
  Phrase none("three tents");
  CHECK(none.reader.read_half_or_quarter(0, 1, a) == Match::none);
}

TEST_CASE("read_number steps: whole numbers word by word", "[numbers]") {
  nd::Amount a;
  Phrase words("two hundred and five tents");
  auto w = whole(words, 0, a);
  CHECK(a.value == 205);
  CHECK(w.accepted == 4);
  CHECK(w.words == 3);  // "and" is no number word
  Phrase mixed("4 thousand 3 hundred and 21 boxes");
  w = whole(mixed, 0, a);
  CHECK(a.value == 4321);
  CHECK(w.digits);
  Phrase two_numbers("3 hundred and 2 hundred");
  w = whole(two_numbers, 0, a);
  CHECK(a.value == 300);
  CHECK(w.accepted == 2);  // stops before "and"
  Phrase falling("1 million and 2 million");
  w = whole(falling, 0, a);
  CHECK(a.value == 1e6);
  CHECK(w.accepted == 2);
  Phrase dozen("three dozen eggs");
  w = whole(dozen, 0, a);
  CHECK(a.value == 36);
  Phrase article("a hundred eggs");
  w = whole(article, 0, a);
  CHECK(a.value == 100);
  Phrase lone_article("a tent");
  w = whole(lone_article, 0, a);
  CHECK(w.accepted == 0);

  Phrase ordinal("twenty-first century");
  w = whole(ordinal, 0, a);
  CHECK(a.value == 21);
  CHECK(a.kind == tmk::NumberKind::ordinal);
  CHECK(w.accepted == 3);
  Phrase suffix("the 21st floor");
  w = whole(suffix, 1, a);
  CHECK(w.suffixed);
  CHECK(a.value == 21);
  CHECK(a.kind == tmk::NumberKind::ordinal);
  Phrase scaled("10k runners");
  w = whole(scaled, 0, a);
  CHECK(a.value == 10000);
  CHECK(w.last == nd::SentenceReader::Last::scale);
}

TEST_CASE("read_number steps: endings", "[numbers]") {
  nd::Amount a;
  Phrase thirds("two thirds of a million");
  auto w = whole(thirds, 0, a);
  REQUIRE(thirds.reader.read_plural_fraction(a.end, w, a));
  CHECK(a.value == Approx(2e6 / 3));
  CHECK(a.kind == tmk::NumberKind::cardinal);
  CHECK(a.end == 5);
  Phrase no_fraction("two tents");
  w = whole(no_fraction, 0, a);
  CHECK_FALSE(no_fraction.reader.read_plural_fraction(a.end, w, a));

  Phrase and_half("three and a half hours");
  w = whole(and_half, 0, a);
  CHECK(and_half.reader.read_and_fraction(a.end, w, a) == 4);
  CHECK(a.value == 3.5);
  CHECK(a.kind == tmk::NumberKind::fraction);
  Phrase half_million("five and a half million");
  w = whole(half_million, 0, a);
  CHECK(half_million.reader.read_and_fraction(a.end, w, a) == 5);
  CHECK(a.value == 5.5e6);
  CHECK(a.kind == tmk::NumberKind::cardinal);

  Phrase point("nine point nought four");
  w = whole(point, 0, a);
  CHECK(point.reader.read_spoken_decimals(a.end, w, a) == 4);
  CHECK(a.value == Approx(9.04));
  Phrase point_tens("one point twenty-five");
  w = whole(point_tens, 0, a);
  CHECK(point_tens.reader.read_spoken_decimals(a.end, w, a) == 5);
  CHECK(a.value == Approx(1.25));

  Phrase ratio("one in three adults");
  w = whole(ratio, 0, a);
  ratio.reader.read_ratio(a.end, a);
  CHECK(a.value == Approx(1.0 / 3));
  CHECK(a.kind == tmk::NumberKind::fraction);
  CHECK(a.end == 3);
  Phrase year("one in 2012");
  w = whole(year, 0, a);
  year.reader.read_ratio(a.end, a);
  CHECK(a.value == 1);
  CHECK(a.kind == tmk::NumberKind::cardinal);
}

TEST_CASE("the lexer finds the end and case of words longer than a block of sixteen bytes", "[numbers]") {
  static const tmk::numbers_detail::Vocabulary vocabulary;
  // Ends before, at and after the sixteenth byte, an apostrophe past it, a non-ASCII letter.
  const std::string text =
      "abcdefghijklmno ABCDEFGHIJKLMNOP Abcdefghijklmnopq abcdefghijklmnopQ rock'n'rollabcdefghij caf\xC3\xA9"
      "abcdefghijklmnop 12 thousand";
  std::vector<tmk::numbers_detail::Lexeme> lexemes;
  tmk::numbers_detail::lex(text, 0, text.size(), vocabulary, lexemes);
  std::vector<std::string> words;
  for (const auto& x : lexemes)
    words.push_back(text.substr(x.start, x.end - x.start) + (x.capitalized ? "|cap" : "") + (x.upper ? "|upper" : ""));
  CHECK(words == std::vector<std::string>{"abcdefghijklmno", "ABCDEFGHIJKLMNOP|cap|upper", "Abcdefghijklmnopq|cap",
                                          "abcdefghijklmnopQ|cap", "rock'n'rollabcdefghij",
                                          "caf\xC3\xA9"
                                          "abcdefghijklmnop",
                                          "12", "thousand"});
}
