// Quote extraction: marks, paragraphs, kinds, attribution patterns and speaker names.
// Every sentence here is written for these tests.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "quotes/quotes_internal.hpp"
#include "tmk/entities/entities.hpp"
#include "tmk/quotes/quotes.hpp"
#include "tmk/text/analysis.hpp"

namespace {

struct Row {
  std::string text;
  std::string kind;
  std::string speaker;
  std::string canonical;
  std::string cue;
  std::string role;
  std::string org;
  std::string type;
  std::size_t quotation = 0;
};

struct Extracted {
  std::vector<Row> rows;
  std::size_t unbalanced = 0;
};

const tmk::QuoteExtractor& indirect_extractor() {
  static const tmk::QuoteExtractor extractor(tmk::QuoteOptions{nullptr, true});
  return extractor;
}

// The rows of `text`; with `indirect`, reported speech too.
Extracted extract(const std::string& text, bool indirect = false) {
  static const tmk::SentenceSplitter splitter;
  static const tmk::Tokenizer tokenizer;
  static const tmk::QuoteExtractor extractor;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  const tmk::QuoteResult result = (indirect ? indirect_extractor() : extractor).extract(text, analysis);
  Extracted out;
  out.unbalanced = result.unbalanced;
  for (const tmk::Quote& q : result.quotes) {
    Row row;
    row.text = text.substr(q.start, q.end - q.start);
    row.kind = std::string(tmk::to_string(q.kind));
    if (q.has_speaker) row.speaker = text.substr(q.speaker.start, q.speaker.end - q.speaker.start);
    row.canonical = q.speaker_canonical;
    row.cue = q.cue;
    row.role = q.speaker_role;
    row.org = q.speaker_org;
    row.type = std::string(tmk::to_string(q.speaker_type));
    row.quotation = q.quotation;
    out.rows.push_back(row);
  }
  return out;
}

// The single quote of `text`, checked for its content and speaker.
void check_one(const std::string& text, const std::string& content, const std::string& speaker,
               const std::string& cue = "") {
  INFO(text);
  const Extracted got = extract(text);
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].text == content);
  CHECK(got.rows[0].speaker == speaker);
  if (!cue.empty()) CHECK(got.rows[0].cue == cue);
}

using Names = std::vector<std::string>;

// The speaker mention of each row of `text`, in order.
Names speakers(const std::string& text) {
  Names out;
  for (const Row& row : extract(text).rows) out.push_back(row.speaker);
  return out;
}

// The single row of `text`.
Row only(const std::string& text, bool indirect = false) {
  INFO(text);
  const Extracted got = extract(text, indirect);
  REQUIRE(got.rows.size() == 1);
  return got.rows[0];
}

}  // namespace

TEST_CASE("quotes: curly, straight and guillemet marks give the content without marks", "[quotes]") {
  check_one("\xE2\x80\x9CWe are ready,\xE2\x80\x9D Mayor Lena Ortiz said.", "We are ready,", "Mayor Lena Ortiz",
            "said");
  check_one("\"We are ready,\" Mayor Lena Ortiz said.", "We are ready,", "Mayor Lena Ortiz", "said");
  check_one("\xC2\xAB We are ready \xC2\xBB, said Mayor Lena Ortiz.", "We are ready", "Mayor Lena Ortiz", "said");
  check_one("Its slogan was 'Jobs First' all year.", "Jobs First", "");
}

TEST_CASE("quotes: apostrophes are not quote marks", "[quotes]") {
  CHECK(extract("The band played rock 'n' roll hits from the '90s all night.").rows.empty());
  CHECK(extract("They didn't know the Smiths' address or Sanders\xE2\x80\x99 schedule.").rows.empty());
  CHECK(extract("Back in \xE2\x80\x98"
                "08 the crowds were smaller, and 'til now nobody cared.")
            .rows.empty());
  CHECK(extract("It's the voters' choice, isn't it?").rows.empty());
  const Extracted nested = extract("\"I can't vote for 'that man' again,\" said Paula Reyes.");
  REQUIRE(nested.rows.size() == 1);
  CHECK(nested.rows[0].text == "I can't vote for 'that man' again,");
  CHECK(nested.rows[0].speaker == "Paula Reyes");
}

TEST_CASE("quotes: speaker after the quote, in normal and inverted order", "[quotes]") {
  check_one("\"Taxes will go up,\" Treasurer Ron Hale said on Monday.", "Taxes will go up,", "Treasurer Ron Hale");
  check_one("\"Taxes will go up,\" said Ron Hale, a county treasurer.", "Taxes will go up,", "Ron Hale", "said");
  check_one("\"I cannot support this plan,\" says Dana Cole, a retired teacher from Ohio.",
            "I cannot support this plan,", "Dana Cole", "says");
  check_one("\"Where is the money?\" asked Rep. Tim Ford.", "Where is the money?", "Rep. Tim Ford", "asked");
  check_one("\"We lost,\" the governor's spokeswoman told reporters.", "We lost,", "the governor's spokeswoman",
            "told");
  check_one("\"It was close,\" she later told a local radio station.", "It was close,", "she", "told");
  check_one("\"We are done,\" the group reportedly wrote.", "We are done,", "the group", "wrote");
  check_one("\"We are done,\" the group quietly wrote.", "We are done,", "the group", "wrote");
  check_one("\"Nothing has changed,\" the group wrote in a letter to members.", "Nothing has changed,", "the group",
            "wrote");
  check_one("\"Vote early,\" one organizer posting on the forum wrote.", "Vote early,",
            "one organizer posting on the forum");
  check_one("\"Vote early,\" wrote one organizer claiming to speak for the group on the forum.", "Vote early,",
            "one organizer claiming to speak for the group", "wrote");
  check_one("\"The count is over,\" officials said late Tuesday.", "The count is over,", "officials");
  check_one("\"The count is over,\" said the county clerk.", "The count is over,", "the county clerk");
  check_one("\"Fine,\" said he.", "Fine,", "he");
  // A past-tense verb outside the cue list still attributes a quote that runs on with a comma.
  check_one("\"Four more years!\" the crowd roared.", "Four more years!", "the crowd", "roared");
  check_one("\"We will not,\" Ames, R-Ore., said.", "We will not,", "Ames", "said");
}

TEST_CASE("quotes: appositives and relative clauses between speaker and verb", "[quotes]") {
  check_one("\"It is lost,\" one party official, who asked not to be named, said.", "It is lost,", "one party official",
            "said");
  check_one("\"We will appeal,\" Karen Holt, the party chairwoman, said.", "We will appeal,", "Karen Holt");
  check_one("\"We will appeal,\" Karen Holt, who leads the party in the state, said Friday.", "We will appeal,",
            "Karen Holt");
  check_one("Karen Holt, who leads the party, said: \"We will appeal.\"", "We will appeal.", "Karen Holt");
}

TEST_CASE("quotes: speaker before the quote", "[quotes]") {
  check_one("Senator Joan Pike told the crowd: \"We will not back down.\"", "We will not back down.",
            "Senator Joan Pike", "told");
  check_one("Pike said, \"The vote is Tuesday.\"", "The vote is Tuesday.", "Pike", "said");
  check_one("In a statement, the coalition said it was \"deeply disappointed\" by the ruling.", "deeply disappointed",
            "the coalition", "said");
  check_one("The senator also wrote on Twitter that the bill was \"a gift to lobbyists.\"", "a gift to lobbyists.",
            "The senator", "wrote");
  check_one("Pike on Thursday said the plan was \"unworkable.\"", "unworkable.", "Pike", "said");
  check_one("Pike called the tax \"a burden on families.\"", "a burden on families.", "Pike", "called");
  check_one("As Pike put it, \"Nobody wins.\"", "Nobody wins.", "Pike", "put it");
  // Naming something is not quoting anyone.
  check_one("Pike was interviewed on \"Morning Politics Today\" and said little.", "Morning Politics Today", "");
  check_one("They joined a new group called \"Voters First\" last year.", "Voters First", "");
  check_one("\"Voters First,\" called the organizer.", "Voters First,", "");
}

TEST_CASE("quotes: according to", "[quotes]") {
  check_one("\"Turnout was low,\" according to a report from the elections board.", "Turnout was low,", "a report",
            "according to");
  check_one("According to Dr. Eva Lund, \"the data are clear.\"", "the data are clear.", "Dr. Eva Lund",
            "According to");
}

TEST_CASE("quotes: a split quote gives two rows with one speaker", "[quotes]") {
  const Extracted got = extract("\"We tried,\" she said. \"We really did.\"");
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[0].text == "We tried,");
  CHECK(got.rows[1].text == "We really did.");
  CHECK(got.rows[0].speaker == "she");
  CHECK(got.rows[1].speaker == "she");
  CHECK(got.rows[1].cue.empty());

  const Extracted comma = extract("\"We tried,\" said Lou Park, \"and we will try again.\"");
  REQUIRE(comma.rows.size() == 2);
  CHECK(comma.rows[0].speaker == "Lou Park");
  CHECK(comma.rows[1].speaker == "Lou Park");
}

TEST_CASE("quotes: a second speaker in the same paragraph is not merged with the first", "[quotes]") {
  const Extracted got = extract("\"Good plan,\" wrote one reader on the website. \"Bad plan,\" wrote another.");
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[0].speaker == "one reader");
  CHECK(got.rows[1].speaker == "another");
}

TEST_CASE("quotes: a clause that introduces the next quote is not given to the one before", "[quotes]") {
  const Extracted got = extract("Mara Lee spoke first. \"We won.\" Then Otto Berg said, \"We lost.\"");
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[1].speaker == "Otto Berg");
  CHECK(got.rows[0].speaker != "Otto Berg");
}

TEST_CASE("quotes: a quote continued over paragraphs keeps its speaker", "[quotes]") {
  const std::string text =
      "Organizer Bea Martin said: \"We knocked on every door in the county.\n"
      "\"We called every voter twice.\n"
      "\"And we will do it again.\"\n"
      "The count ends Friday.\n";
  const Extracted got = extract(text);
  REQUIRE(got.rows.size() == 3);
  for (const Row& row : got.rows) {
    CHECK(row.speaker == "Organizer Bea Martin");
    CHECK(row.canonical == "Bea Martin");
  }
  CHECK(got.rows[0].text == "We knocked on every door in the county.");
  CHECK(got.rows[2].text == "And we will do it again.");
  CHECK(got.unbalanced == 0);
}

TEST_CASE("quotes: hard-wrapped text keeps a quote across its line breaks", "[quotes]") {
  const std::string text =
      "Mayor Ida Stone spoke at the town hall on a cold\n"
      "evening with the whole council in the room.\n"
      "\n"
      "\"We fixed the roads and we fixed the\n"
      "schools,\" Stone said.\n"
      "\n"
      "Her rival answered in a letter to the paper, which read:\n"
      "\n"
      "\"Nothing was fixed.\n"
      "\n"
      "\"Nothing at all.\"\n";
  const Extracted got = extract(text);
  REQUIRE(got.rows.size() == 3);
  CHECK(got.rows[0].text == "We fixed the roads and we fixed the\nschools,");
  CHECK(got.rows[0].speaker == "Stone");
  CHECK(got.rows[0].canonical == "Ida Stone");
  // Introduced by the paragraph before, ending in a colon, and continued by the convention.
  CHECK(got.rows[1].speaker == "Her rival");
  CHECK(got.rows[2].speaker == got.rows[1].speaker);
  CHECK(got.unbalanced == 0);
}

TEST_CASE("quotes: an unbalanced mark ends at its paragraph and is counted", "[quotes]") {
  const std::string text =
      "\"This never closes, said Ana Ruiz.\n"
      "Ben Ode answered: \"This one does.\" He left.\n";
  const Extracted got = extract(text);
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[0].text == "This never closes, said Ana Ruiz.");
  CHECK(got.rows[1].text == "This one does.");
  CHECK(got.rows[1].speaker == "Ben Ode");
  CHECK(got.unbalanced == 1);

  // An opening mark at the start of the next paragraph continues the quote instead.
  const Extracted continued = extract("\"First part.\n\"Second part,\" said Ana Ruiz.\n");
  REQUIRE(continued.rows.size() == 2);
  CHECK(continued.rows[0].speaker == "Ana Ruiz");
  CHECK(continued.unbalanced == 0);
}

TEST_CASE("quotes: a following quote without attribution inherits the speaker", "[quotes]") {
  const std::string text =
      "\"The plan is fair,\" said Commissioner Rita Gomez.\n"
      "\"Everyone pays the same rate.\"\n"
      "Farmers disagreed with her.\n";
  const Extracted got = extract(text);
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[1].speaker == "Commissioner Rita Gomez");
  CHECK(got.rows[1].canonical == "Rita Gomez");

  const Extracted reported = extract("Lena Fox said the vote was rigged. \"I saw it myself.\"");
  REQUIRE(reported.rows.size() == 1);
  CHECK(reported.rows[0].speaker == "Lena Fox");

  const Extracted impersonal = extract("It said nothing about taxes. \"We will see.\"");
  REQUIRE(impersonal.rows.size() == 1);
  CHECK(impersonal.rows[0].speaker.empty());

  const Extracted far = extract(
      "\"Yes,\" said Ivo Tam.\nThe hall emptied.\nThe lights went out.\nThe doors were locked.\n\"Nobody came.\"\n");
  REQUIRE(far.rows.size() == 2);
  CHECK(far.rows[1].speaker.empty());
}

TEST_CASE("quotes: quotes without a speaker stay with an empty speaker", "[quotes]") {
  const Extracted got =
      extract("The sign on the door read nothing, and the plan was called \"bold\" by nobody in particular.");
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].text == "bold");
  CHECK(got.rows[0].kind == "scare");
  CHECK(got.rows[0].speaker.empty());
}

TEST_CASE("quotes: a headline names its speaker before a colon", "[quotes]") {
  const Extracted named = extract("Harlan: 'We Will Carry the County'\n\nThe race is close.\n");
  REQUIRE(named.rows.size() == 1);
  CHECK(named.rows[0].kind == "headline");
  CHECK(named.rows[0].speaker == "Harlan");
  // A whole headline clause before the colon is not a name.
  const Extracted clause = extract("Farm Groups Reject the Latest Water Plan: 'Too Little'\n\nThe vote is Monday.\n");
  REQUIRE(clause.rows.size() == 1);
  CHECK(clause.rows[0].speaker.empty());
}

TEST_CASE("quotes: plural nouns that look like reporting verbs are not cues", "[quotes]") {
  const Extracted got = extract("The governor's remarks, which aides called \"unscripted,\" drew applause.");
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].speaker.empty());
}

TEST_CASE("quotes: kinds", "[quotes]") {
  const Extracted got = extract(
      "Voters Say 'Enough' in Close Race\n\n"
      "The mayor called it \"a win for families\" on Monday. \"It is a good day,\" she said.\n");
  REQUIRE(got.rows.size() == 3);
  CHECK(got.rows[0].kind == "headline");
  CHECK(got.rows[1].kind == "partial");
  CHECK(got.rows[2].kind == "full");
}

TEST_CASE("quotes: pronouns and surnames resolve to the full name", "[quotes]") {
  const std::string text =
      "Gov. Helen Marsh spoke to farmers in Ames on Friday.\n"
      "\"Prices are too low,\" she said.\n"
      "\"We need a fix,\" Marsh added.\n";
  const Extracted got = extract(text);
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[0].speaker == "she");
  CHECK(got.rows[0].canonical == "Helen Marsh");
  CHECK(got.rows[1].speaker == "Marsh");
  CHECK(got.rows[1].canonical == "Helen Marsh");
  CHECK(got.rows[1].cue == "added");
}

TEST_CASE("quotes: names with a suffix and names across lines", "[quotes]") {
  const Extracted got = extract("Rep. Walt Gray Jr. spoke first.\n\"Thank you,\" Gray said.\n");
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].canonical == "Walt Gray Jr.");
  // A capitalized word ending one line and one starting the next are not one name.
  const Extracted lines = extract("The hall was built by Ames\nOrr said, \"It is old.\"\n");
  REQUIRE(lines.rows.size() == 1);
  CHECK(lines.rows[0].speaker == "Orr");
  CHECK(lines.rows[0].canonical == "Orr");
}

TEST_CASE("quotes: a pronoun takes the subject of the sentence before, not the last name", "[quotes]") {
  const Extracted got = extract(
      "Rep. Owen Tate met Mayor Lisa Grant on Monday.\n"
      "\"We agreed on nothing,\" he said.\n");
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].canonical == "Owen Tate");
}

TEST_CASE("quotes: a description without a name has no canonical name", "[quotes]") {
  const Extracted got = extract("\"We disagree,\" the statement read.");
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].speaker == "the statement");
  CHECK(got.rows[0].canonical.empty());
  CHECK(got.rows[0].cue == "read");
  const Extracted modifier = extract("\"We will win,\" the Democratic candidate told supporters.");
  REQUIRE(modifier.rows.size() == 1);
  CHECK(modifier.rows[0].speaker == "the Democratic candidate");
  CHECK(modifier.rows[0].canonical.empty());
  // "read" is a cue only right after a quote.
  const Extracted sign = extract("The sign read \"closed\" all week.");
  REQUIRE(sign.rows.size() == 1);
  CHECK(sign.rows[0].speaker.empty());
}

TEST_CASE("quotes: empty and mark-only input", "[quotes]") {
  CHECK(extract("").rows.empty());
  CHECK(extract("\"\"").rows.empty());
  const Extracted lone = extract("\"");
  CHECK(lone.rows.empty());
  CHECK(lone.unbalanced == 1);
  CHECK(extract("\xE2\x80\x9D\xE2\x80\x9C\xC2\xBB\xC2\xAB''").rows.size() <= 1);
}

TEST_CASE("quotes: a quote in a clause without a verb of speech belongs to the clause's subject", "[quotes]") {
  check_one("Mayor Dana Pruitt blasted the council for its \"reckless spending\" on Tuesday.", "reckless spending",
            "Mayor Dana Pruitt", "blasted");
  check_one("Pruitt accused Holt of being a \"weak negotiator\" at the meeting.", "weak negotiator", "Pruitt",
            "accused");
  check_one("On Friday, Pruitt compared the budget to \"a leaking boat\" again.", "a leaking boat", "Pruitt",
            "compared");
}

TEST_CASE("quotes: saying, statements, and a second quote of the same sentence", "[quotes]") {
  check_one("Senator Ruth Okafor left the hearing early, saying \"We have heard enough.\"", "We have heard enough.",
            "Senator Ruth Okafor");
  check_one("The Tenants Union issued a statement saying that \"rents are out of control.\"",
            "rents are out of control.", "The Tenants Union");
  check_one("Okafor said the turnout was \"pretty remarkable\" for a weekday.", "pretty remarkable", "Okafor", "said");
  CHECK(speakers("\"Too early\" or \"too late,\" she says about the vote.") == Names{"she", "she"});
  CHECK(speakers("Okafor called the plan \"a total mess\" and its author \"out of touch.\"") ==
        Names{"Okafor", "Okafor"});
}

TEST_CASE("quotes: a name before a colon introduces the quote", "[quotes]") {
  check_one("Rosa Delgado, Channel Nine News: \"The polls close at eight.\"", "The polls close at eight.",
            "Rosa Delgado");
  check_one("KEMP: \"We disagree on taxes.\"", "We disagree on taxes.", "KEMP");
  CHECK(only("Moderator Lyle Brandt:\n\"Your time is up.\"\n").speaker == "Moderator Lyle Brandt");
  CHECK(only("Update: \"The meeting moved to noon.\"").speaker.empty());
}

TEST_CASE("quotes: documents are sources, typed as documents", "[quotes]") {
  const Row email = only("\"Members must vote by Friday,\" the email began.");
  CHECK(email.speaker == "the email");
  CHECK(email.cue == "began");
  CHECK(email.type == "document");
  CHECK(email.canonical.empty());
  const Row report = only("According to the report, \"costs doubled in two years.\"");
  CHECK(report.speaker == "the report");
  CHECK(report.type == "document");
}

TEST_CASE("quotes: pronouns resolve to a person of their gender, plural pronouns to nobody", "[quotes]") {
  const Row she = only(
      "Mayor Tom Reed praised Sen. Alice Moreno on Monday.\n"
      "\"We kept our word,\" she said.\n");
  CHECK(she.canonical == "Alice Moreno");
  CHECK(she.type == "person");
  const Row titled = only(
      "Mr. Lee Parks met Kim Ota in the lobby.\n"
      "\"We agree on the plan,\" she said.\n");
  CHECK(titled.canonical == "Kim Ota");
  // A "he" after only women named stays unresolved rather than wrong.
  const Row none = only(
      "Sen. Alice Moreno spoke first.\n"
      "\"We will win this,\" he said.\n");
  CHECK(none.canonical.empty());
  const Row they = only(
      "Karen Holt met the union leaders.\n"
      "\"We are united,\" they said.\n");
  CHECK(they.canonical.empty());
  CHECK(they.type == "group");
}

TEST_CASE("quotes: an appositive name is the speaker, the description its role", "[quotes]") {
  const Row governor = only("\"We will appeal,\" the Governor, Andrew Bailey, told reporters.");
  CHECK(governor.speaker == "Andrew Bailey");
  CHECK(governor.role == "Governor");
  const Row president = only("Its president, Aaron Voss, said: \"We will strike.\"");
  CHECK(president.speaker == "Aaron Voss");
  CHECK(president.role == "president");
}

TEST_CASE("quotes: role and organization from the speaker's description", "[quotes]") {
  const Row volunteer = only("\"Vote for change,\" said Labor for Change volunteer Rita Moss.");
  CHECK(volunteer.canonical == "Rita Moss");
  CHECK(volunteer.role == "volunteer");
  CHECK(volunteer.org == "Labor for Change");
  const Row ceo = only("Acme CEO Tim Vance said, \"Sales are up.\"");
  CHECK(ceo.canonical == "Tim Vance");
  CHECK(ceo.role == "CEO");
  CHECK(ceo.org == "Acme");
}

TEST_CASE("quotes: nicknames, scare quotes and titles have kinds of their own and no speaker", "[quotes]") {
  const Row nickname = only("Harold \"Hal\" Jenkins said he would run again.");
  CHECK(nickname.kind == "nickname");
  CHECK(nickname.speaker.empty());
  const Row scare = only("The so-called \"experts\" were wrong again.");
  CHECK(scare.kind == "scare");
  const Row title = only("Pike was interviewed on \"Morning Politics Today\" and said little.");
  CHECK(title.kind == "title");
  CHECK(title.quotation == 0);
  // After a kind of work, a capitalized quote is its title even with short words.
  CHECK(only("Her film \"Dry Bay\" opens in June.").kind == "title");
  CHECK(only("They sang the song \"Go Now\" twice.").kind == "title");
  CHECK(only("The show was \"fun to watch,\" Pike said.").kind == "partial");
  // A quote that reads as a sentence stays a quote even after such a noun.
  const Row show = only("The show \"Was a mess from the start,\" Pike said.");
  CHECK(show.kind == "partial");
  CHECK(show.speaker == "Pike");
}

TEST_CASE("quotes: the segments of one quotation share its number", "[quotes]") {
  const Extracted got = extract(
      "\"We tried,\" she said. \"We really did.\"\n"
      "\"Next year,\" said Ivo Tam, \"we try again.\"\n"
      "Tam called it \"a long road.\"\n");
  REQUIRE(got.rows.size() == 5);
  CHECK(got.rows[0].quotation == 1);
  CHECK(got.rows[1].quotation == 1);
  CHECK(got.rows[2].quotation == 2);
  CHECK(got.rows[3].quotation == 2);
  CHECK(got.rows[4].quotation == 3);
}

TEST_CASE("quotes: reported speech with --indirect", "[quotes]") {
  const auto one = [](const std::string& text, const std::string& content, const std::string& speaker,
                      const std::string& cue) {
    INFO(text);
    const Row got = only(text, true);
    CHECK(got.kind == "indirect");
    CHECK(got.text == content);
    CHECK(got.speaker == speaker);
    CHECK(got.cue == cue);
  };
  one("Mayor Lena Ortiz said the bridge would reopen in May.", "the bridge would reopen in May", "Mayor Lena Ortiz",
      "said");
  one("Ortiz said that the bridge would reopen in May.", "the bridge would reopen in May", "Ortiz", "said");
  one("According to the city engineer, the bridge will reopen in May.", "the bridge will reopen in May",
      "the city engineer", "According to");
  one("The bridge will reopen in May, according to the city engineer.", "The bridge will reopen in May",
      "the city engineer", "according to");
  one("The bridge will reopen in May, the mayor said.", "The bridge will reopen in May", "the mayor", "said");
  one("Ortiz told reporters the repairs were nearly done.", "the repairs were nearly done", "Ortiz", "told");
  one("Ortiz denied taking any money from the builder.", "taking any money from the builder", "Ortiz", "denied");
  one("Ortiz called for a new vote on the budget.", "a new vote on the budget", "Ortiz", "called for");
  one("The bridge will reopen in May, the Valley Ledger reports.", "The bridge will reopen in May", "the Valley Ledger",
      "reports");
  one("The roads board defended the delay by saying the steel arrived late.", "the steel arrived late",
      "The roads board", "saying");
  one("Ortiz in turn has stated many times the bridge is safe.", "many times the bridge is safe", "Ortiz", "stated");
  one("County engineers, however, argue the bridge needs a new deck.", "the bridge needs a new deck",
      "County engineers", "argue");
  one("An earlier version of this notice said that the bridge was closed.", "the bridge was closed", "this notice",
      "said");
  one("Rowan College found in a survey that most drivers avoid the bridge.", "most drivers avoid the bridge",
      "Rowan College", "found");
  CHECK(extract("The bridge inspector found rust on every beam of the old bridge.", true).rows.empty());
  one("Drivers rejected claims by county officials on Friday that the bridge was safe.", "the bridge was safe",
      "county officials", "claims");
  // Without --indirect there is nothing, and a direct quote is no reported speech.
  CHECK(extract("Ortiz said the bridge would reopen in May.").rows.empty());
  const Row direct = only("Ortiz said: \"The bridge will reopen in May.\"", true);
  CHECK(direct.kind == "full");
  // The reporting clause of a quote is no statement of its own, and a quote ending the
  // paragraph before does not make the next paragraph's clause one.
  const Extracted clause = extract("\"We did nothing wrong,\" Ruiz told reporters outside the hall.", true);
  REQUIRE(clause.rows.size() == 1);
  CHECK(clause.rows[0].kind == "full");
  const Extracted next = extract("\"We are done.\"\nThe club defended the vote by saying the members chose it.", true);
  REQUIRE(next.rows.size() == 2);
  CHECK(next.rows[1].kind == "indirect");
  // A statement partly in quotation marks: one indirect row and its quoted segment.
  const Extracted partly = extract("Ortiz said the delay was \"a disgrace\" and would be fixed.", true);
  REQUIRE(partly.rows.size() == 2);
  CHECK(partly.rows[0].kind == "indirect");
  CHECK(partly.rows[0].text == "the delay was \"a disgrace\" and would be fixed");
  CHECK(partly.rows[1].kind == "partial");
  CHECK(partly.rows[1].speaker == "Ortiz");
}

TEST_CASE("quotes: a quote is not carried over to the last speaker once the writer turns to someone else", "[quotes]") {
  CHECK(speakers("\"We won,\" said Ida Marsh. Ben Cole left the hall before midnight.\n"
                 "\"It was a fair fight.\"\n") == Names{"Ida Marsh", ""});
  // The same speaker named again keeps it.
  CHECK(speakers("\"We won,\" said Ida Marsh. Marsh left the hall before midnight.\n"
                 "\"It was a fair fight.\"\n") == Names{"Ida Marsh", "Ida Marsh"});
}

TEST_CASE("quotes: with the entity recognizer, canonical names and pronouns follow its people", "[quotes]") {
  static const tmk::EntityRecognizer recognizer;
  static const tmk::QuoteExtractor extractor(tmk::QuoteOptions{&recognizer});
  const std::string text =
      "Ridge County Clerk Adrian Pelt spoke at the Hyatt Regency on Tuesday.\n"
      "\"Every ballot will be counted,\" Pelt said.\n"
      "The event was held at the Hyatt Regency downtown.\n"
      "\"We have never seen a turnout like this,\" he said.\n"
      "Orbit CEO Tim Vance spoke next. \"Privacy is a right,\" Vance said.\n";
  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  tmk::Analysis analysis;
  tmk::analyze(text, splitter, tokenizer, analysis);
  const tmk::QuoteResult result = extractor.extract(text, analysis);
  REQUIRE(result.quotes.size() == 3);
  CHECK(result.quotes[0].speaker_canonical == "Adrian Pelt");
  CHECK(result.quotes[1].speaker_canonical == "Adrian Pelt");  // a person, not the hotel
  CHECK(result.quotes[2].speaker_canonical == "Tim Vance");
}

TEST_CASE("quotes: the sentences alone are enough, the recognizer's sentences are tokenized for it", "[quotes]") {
  static const tmk::EntityRecognizer recognizer;
  static const tmk::QuoteExtractor extractor(tmk::QuoteOptions{&recognizer, true});
  static const tmk::QuoteExtractor without_recognizer(tmk::QuoteOptions{nullptr, true});
  const std::string text =
      "Ridge County Clerk Adrian Pelt spoke at the Hyatt Regency on Tuesday.\n"
      "The event was held at the Hyatt Regency downtown.\n"
      "He said the count would end by Friday.\n"
      "Orbit CEO Tim Vance spoke next. \"Privacy is a right,\" Vance said.\n";
  const tmk::SentenceSplitter splitter;
  const tmk::Tokenizer tokenizer;
  tmk::Analysis full;
  tmk::analyze(text, splitter, tokenizer, full);
  tmk::Analysis sentences_only;
  tmk::analyze_sentences(text, splitter, sentences_only);
  REQUIRE(sentences_only.tokens.empty());
  const tmk::QuoteResult expected = extractor.extract(text, full);
  const tmk::QuoteResult got = extractor.extract(text, sentences_only);
  REQUIRE(got.quotes.size() == 2);
  REQUIRE(expected.quotes.size() == 2);
  for (std::size_t i = 0; i < got.quotes.size(); ++i) {
    CHECK(got.quotes[i].start == expected.quotes[i].start);
    CHECK(got.quotes[i].speaker_canonical == expected.quotes[i].speaker_canonical);
    CHECK(got.quotes[i].speaker_type == expected.quotes[i].speaker_type);
  }
  // The pronoun takes the person the recognizer found, not the hotel the light reader
  // takes for a name: the recognizer did read tokens.
  CHECK(got.quotes[0].speaker_canonical == "Adrian Pelt");
  CHECK(without_recognizer.extract(text, sentences_only).quotes[0].speaker_canonical != "Adrian Pelt");
  CHECK(got.quotes[1].speaker_canonical == "Tim Vance");
}

TEST_CASE("quotes: a clause running into the next quote introduces it, not the quote before", "[quotes]") {
  CHECK(speakers("The council issued a statement saying that \"the plan is final.\" Clerk Lena Cho said the board "
                 "was \"open to talks.\"") == Names{"The council", "Clerk Lena Cho"});
}

TEST_CASE("quotes: an appositive after a name, and a possessive description", "[quotes]") {
  const Extracted got = extract(
      "Quinn, a Democrat from Oregon, hammered the leadership for its \"backroom dealing\" this week.\n"
      "Ruiz's spokesman, Tom Beck, said: \"The meeting is set.\" He added that it was \"long overdue.\"\n");
  REQUIRE(got.rows.size() == 3);
  CHECK(got.rows[0].speaker == "Quinn");
  CHECK(got.rows[1].speaker == "Tom Beck");
  CHECK(got.rows[1].role == "spokesman");
  CHECK(got.rows[2].canonical == "Tom Beck");  // not Ruiz, named only as a possessive
  CHECK(got.rows[0].role.empty());             // "a Democrat" names no job
  // A job in an appositive after the name, before or after the cue, is the speaker's role.
  const Row coach = only("Ada Moss, the club's coach, said \"we played well.\"");
  CHECK(coach.speaker == "Ada Moss");
  CHECK(coach.role == "coach");
  const Row lawyer = only("\"We lost,\" said Jo Ruiz, a lawyer for the family.");
  CHECK(lawyer.speaker == "Jo Ruiz");
  CHECK(lawyer.role == "lawyer");
}

TEST_CASE("quotes: two words are reported speech after that, denied or called for", "[quotes]") {
  const auto one = [](const std::string& text, const std::string& content, const std::string& cue) {
    INFO(text);
    const Row got = only(text, true);
    CHECK(got.kind == "indirect");
    CHECK(got.text == content);
    CHECK(got.speaker == "Ortiz");
    CHECK(got.cue == cue);
  };
  one("Ortiz called for a recount.", "a recount", "called for");
  one("Ortiz said that she agreed.", "she agreed", "said");
  // Two words after a bare "said", or a time after "said that", report nothing.
  CHECK(extract("Ortiz said last week.", true).rows.empty());
  CHECK(extract("Ortiz denied everything.", true).rows.empty());
  CHECK(extract("The court denied the appeal.", true).rows.empty());  // "denied" as "refused"
  CHECK(extract("Ortiz said that on Friday.", true).rows.empty());
}

TEST_CASE("quotes: a determiner's subject ends at an irregular past tense; a document opens a quote", "[quotes]") {
  const Row spoke = only("The mayor spoke for an hour, saying \"we will rebuild the pier.\"");
  CHECK(spoke.speaker == "The mayor");
  CHECK(spoke.cue == "spoke");
  // Right after the determiner such a word is no verb ("The left wing walked out").
  const Row wing = only("The left wing walked out, saying \"we are done here.\"");
  CHECK(wing.speaker == "The left wing");
  CHECK(wing.cue == "walked");
  const Row email = only("The email began, \"Dear members, the pool is closed.\"");
  CHECK(email.speaker == "The email");
  CHECK(email.type == "document");
  const Row statement = only("The statement read: \"We will appeal the ruling.\"");
  CHECK(statement.speaker == "The statement");
  // A subject that is no document does not make "began" a verb of speech before a quote.
  CHECK(only("The fair began: \"Welcome, friends of the valley.\"").speaker.empty());
}

TEST_CASE("quotes: a stance voiced or expressed is reported speech", "[quotes]") {
  const Row got = only("The mayor expressed concern that the budget would fail.", true);
  CHECK(got.kind == "indirect");
  CHECK(got.cue == "expressed concern");
  CHECK(got.speaker == "The mayor");
  CHECK(got.text == "the budget would fail");
}

TEST_CASE("quotes: only sentences with a statement cue are read for reported speech", "[quotes]") {
  const tmk::QuoteLexicon lexicon;
  const auto may_hold = [&](const std::string& sentence) {
    return lexicon.may_hold_statement(sentence, {0, sentence.size()});
  };
  // Every word that opens a statement passes, in any case.
  CHECK(may_hold("Ortiz said the bridge would reopen."));
  CHECK(may_hold("ORTIZ SAID THE BRIDGE WOULD REOPEN."));
  CHECK(may_hold("According to Ortiz, the bridge is safe."));
  CHECK(may_hold("The union called for a strike."));
  CHECK(may_hold("Ortiz voiced doubts about the plan."));
  CHECK(may_hold("Drivers doubted claims by the county that it was safe."));
  CHECK(may_hold("The board defended the delay by saying the steel came late."));
  CHECK(may_hold("Ortiz\u2014said\u2014no."));  // a dash of several bytes parts words too
  // A sentence without one, or with a cue only inside a longer word, is passed over.
  CHECK_FALSE(may_hold("The bridge reopened in May."));
  CHECK_FALSE(may_hold("Some things are best left unsaid."));
  CHECK_FALSE(may_hold(""));
  const std::string two = "He smiled. She said no.";
  CHECK_FALSE(lexicon.may_hold_statement(two, {0, 10}));
  CHECK(lexicon.may_hold_statement(two, {11, two.size()}));

  // Sentences passed over around a statement change nothing in it.
  const Extracted got =
      extract("The bridge reopened in May. Ortiz said the repairs cost too much. Traffic was light.", true);
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].kind == "indirect");
  CHECK(got.rows[0].text == "the repairs cost too much");
  CHECK(got.rows[0].speaker == "Ortiz");
  CHECK(got.rows[0].cue == "said");
}

TEST_CASE("quotes: the reader of names looks up capitalized words only, with the same pieces", "[quotes]") {
  const tmk::QuoteLexicon lexicon;
  const std::string text = "Senator Jane Ortiz met 40 voters near the U.S. Capitol on Monday, the Smiths' aide said.";
  std::vector<tmk::Piece> all;
  std::vector<tmk::Piece> capitalized;
  tmk::scan_pieces(text, 0, text.size(), lexicon, all);
  tmk::scan_pieces(text, 0, text.size(), lexicon, capitalized, tmk::Classify::capitalized_words);
  const auto capitalized_words = [&](const std::vector<tmk::Piece>& pieces) {
    std::vector<std::string> words;
    for (const tmk::Piece& piece : pieces)
      if (piece.is_word() && piece.capitalized) words.push_back(text.substr(piece.start, piece.end - piece.start));
    return words;
  };
  const std::vector<std::string> expected{"Senator", "Jane", "Ortiz", "U.S.", "Capitol", "Monday", "Smiths'"};
  CHECK(capitalized_words(all) == expected);
  CHECK(capitalized_words(capitalized) == expected);
  const auto classes_of = [&](const std::vector<tmk::Piece>& pieces, std::string_view word) {
    for (const tmk::Piece& piece : pieces)
      if (piece.is_word() && text.substr(piece.start, piece.end - piece.start) == word) return piece.classes;
    FAIL("no piece " << word);
    return std::uint32_t{0};
  };
  for (const std::string& word : expected) CHECK(classes_of(all, word) == classes_of(capitalized, word));
  CHECK((classes_of(capitalized, "Senator") & tmk::kTitle) != 0);
  CHECK((classes_of(capitalized, "Monday") & tmk::kWeekday) != 0);
  // Lower-case words keep their classes only when every word is looked up.
  CHECK((classes_of(all, "said") & tmk::kReport) != 0);
  CHECK(classes_of(capitalized, "said") == 0);
  CHECK((classes_of(all, "the") & tmk::kDeterminer) != 0);
  CHECK(classes_of(capitalized, "the") == 0);
}

TEST_CASE("quotes: the reader of names cuts only the stretches that may hold a capitalized word", "[quotes]") {
  // A chunk between spaces that starts in lower case may end with a name's first word, and a
  // name may start with a letter outside ASCII: the surname said alone takes the full name.
  CHECK(only("The aide/Mary Kent spoke on Monday.\nKent said the plan would fail.", true).canonical == "Mary Kent");
  CHECK(only("\u00C9lodie Brun spoke on Monday.\nBrun said the plan would fail.", true).canonical ==
        "\u00C9lodie Brun");
}
