package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What links two articles into one story, by the shipped rules, shown on invented articles. */
class StoryLinksTest {

    private final Tagger tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    private final StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));

    private StoryProfile profile(String title, String summary, String kind, String source, String day) {
        return profile(title, summary, List.of(), kind, source, day);
    }

    private StoryProfile profile(
            String title, String summary, List<String> categories, String kind, String source, String day) {
        TaggableText text = new TaggableText(title, summary, "", categories, kind, null);
        return links.profile(text, tagger.tag(text).evidence(), source, null, null, Instant.parse(day + "T08:00:00Z"))
                .orElseThrow();
    }

    @Test
    void oneRegulatorsDecisionsOnOneDrugForTwoTumourSitesAreTwoStories() {
        StoryProfile gastric = profile(
                "FDA approves zanidatamab with chemotherapy for HER2-positive gastric cancer",
                "The agency approved the bispecific for first-line disease.",
                "regulator",
                "fda",
                "2027-03-01");
        StoryProfile gastricNews = profile(
                "Jazz wins FDA nod for Ziihera in stomach cancer",
                "The FDA approved Ziihera for untreated HER2-positive disease.",
                "news",
                "biotech-wire",
                "2027-03-02");
        StoryProfile biliary = profile(
                "FDA grants full approval to zanidatamab in HER2-positive biliary tract cancer",
                "The FDA converted the accelerated approval.",
                "regulator",
                "fda",
                "2027-03-12");
        assertThat(links.link(gastric, gastricNews)).isPresent();
        assertThat(links.link(gastricNews, biliary)).as("gastric vs biliary").isEmpty();
    }

    @Test
    void aRegulatorsFeedIsTheRegulatorItIsNamedForNotTheCountryAfterIt() {
        StoryProfile appraisal = profile(
                "Zanidatamab for treating HER2-positive biliary tract cancer after gemcitabine (TA1311)",
                "Final guidance. Zanidatamab is recommended, within its marketing authorisation, for previously treated"
                        + " HER2-positive biliary tract cancer, only at the agreed discount.",
                List.of("Technology appraisal guidance"),
                "regulator",
                "nice-uk",
                "2027-04-06");
        StoryProfile licence = profile(
                "UK regulator clears zanidatamab for bile duct cancer",
                "People in Britain with HER2-positive biliary tract cancer could get the bispecific after the licence.",
                "news",
                "uk-health-news",
                "2027-04-20");
        assertThat(appraisal.regulators()).containsExactly("nice");
        assertThat(links.link(appraisal, licence))
                .as("NICE's appraisal and the MHRA's licence are two decisions")
                .isEmpty();
    }

    @Test
    void aModelBuiltOnTrialsIsNotTheirReadoutsStoryNorTheCommentsOnIt() {
        StoryProfile editorial = profile(
                "Five-year survival in PHOEBE-7: should chemotherapy-free induction become the norm?",
                "In this issue, final survival data from PHOEBE-7 favour pyrotinib with trastuzumab. We weigh the"
                        + " diarrhoea burden against the benefit.",
                "journal",
                "onc-editorials",
                "2027-09-02");
        StoryProfile simulation = profile(
                "Clinic visits on first-line pyrotinib regimens: a microsimulation drawing on PHOEBE-7 and CLEOPATRA",
                "We simulated five years of treatment contact days for pyrotinib with trastuzumab against a taxane"
                        + " doublet, using published event rates.",
                "preprint",
                "medrxiv",
                "2027-09-20");
        assertThat(links.link(editorial, simulation))
                .as("a simulation drawing on the trial's published figures is new work")
                .isEmpty();
    }

    @Test
    void aSubsidyBodyNamedAtTheEndOfASentenceIsStillNamedAndNewsOfAGuidelineIsNoDecision() {
        StoryProfile pbac = profile(
                "PBAC Meeting - Positive Recommendations: Zanidatamab (Ziihera) for HER2-positive biliary tract cancer",
                "The PBAC recommended the listing of zanidatamab after prior gemcitabine-based therapy.",
                "regulator",
                "pbac-outcomes",
                "2027-08-14");
        StoryProfile patients = profile(
                "Good news for Australians with HER2-positive bile duct cancer",
                "A committee has recommended public subsidy of Ziihera. We explain what happens before it is listed"
                        + " on the PBS.",
                "patient",
                "bile-duct-charity",
                "2027-08-20");
        assertThat(pbac.regulators()).containsExactly("pbac");
        assertThat(patients.regulators()).as("'PBS.' ends its sentence").contains("pbac");
        assertThat(links.link(pbac, patients)).hasValue("decision by pbac on [zanidatamab]");
        StoryProfile guidelineNews = profile(
                "Living Guideline Shifts First-Line Standard for HER2+ Metastatic Breast Cancer",
                "The society's algorithm now endorses the trastuzumab deruxtecan-pertuzumab doublet.",
                "news",
                "onc-news",
                "2027-06-22");
        assertThat(guidelineNews.event())
                .as("a guideline endorses; a regulator decides")
                .isNotEqualTo("decision");
    }

    @Test
    void newsThatNamesACompanyInsteadOfItsDrugIsAboutThatCompanysDrug() {
        StoryProfile commission = profile(
                "European Commission Approves Ziihera (zanidatamab) for First-Line HER2-Positive Gastric Cancer",
                "The European Commission has approved Ziihera with chemotherapy.",
                "news",
                "jazz-newsroom",
                "2027-07-08");
        StoryProfile wire = profile(
                "Jazz wins EU approval for stomach cancer antibody",
                "The European Commission approved its drug for previously untreated stomach cancers.",
                "news",
                "wire",
                "2027-07-08");
        StoryProfile other = profile(
                "Acme wins EU approval for stomach cancer antibody",
                "The European Commission approved its drug for previously untreated stomach cancers.",
                "news",
                "wire",
                "2027-07-08");
        assertThat(wire.drugs()).containsExactly("zanidatamab");
        assertThat(links.link(commission, wire)).hasValue("decision by ema on [zanidatamab]");
        assertThat(other.drugs()).as("a company the rules do not know").isEmpty();
        assertThat(links.link(commission, other)).isEmpty();
    }

    @Test
    void aJournalsEditorialBesideItsPaperIsLinkedByTheWordsOfTheirTextsThoughItNamesNoDrug() {
        StoryProfile paper = profile(
                "Pyrotinib after Adjuvant Trastuzumab in Node-Positive Breast Cancer",
                "We randomly assigned patients with node-positive disease after adjuvant therapy to pyrotinib or "
                        + "placebo. Recurrence was lower with pyrotinib; diarrhoea was frequent.",
                "journal",
                "gazette-of-oncology",
                "2027-05-04");
        StoryProfile editorial = profile(
                "Another Year of Pills?",
                "Editorial. Extending therapy after adjuvant treatment lowers recurrence in node-positive disease, "
                        + "at the price of diarrhoea for many.",
                List.of("Editorial"),
                "journal",
                "gazette-of-oncology",
                "2027-05-04");
        StoryProfile elsewhere = profile(
                "Another Year of Pills?",
                "Editorial. Extending therapy after adjuvant treatment lowers recurrence in node-positive disease, "
                        + "at the price of diarrhoea for many.",
                List.of("Editorial"),
                "journal",
                "another-journal",
                "2027-05-04");
        assertThat(editorial.type()).isEqualTo("commentary");
        assertThat(links.link(paper, editorial))
                .hasValueSatisfying(why -> assertThat(why).startsWith("comment in the same journal sharing the words"));
        assertThat(links.link(paper, elsewhere))
                .as("another journal's editorial")
                .isEmpty();
        StoryCandidates<String> index = links.candidates();
        index.add("paper", paper);
        assertThat(index.of(editorial))
                .as("the index offers the paper beside its editorial")
                .contains("paper");
    }

    @Test
    void newsThatNamesTheJournalAPaperAppearedInCoversThatJournalsPaperOfTheSameDays() {
        StoryProfile paper = profile(
                "Pyrotinib versus pertuzumab with trastuzumab and docetaxel (HERON-PX): a randomised, phase 3 trial",
                "Findings: progression-free survival was non-inferior with the oral inhibitor.",
                "journal",
                "gazette-oncology-etoc",
                "2027-06-01");
        StoryProfile news = profile(
                "Chinese pill matches Perjeta in frontline breast cancer",
                "Swapping the antibody for an oral drug kept disease control level. Results were published in the "
                        + "Gazette of Oncology.",
                "news",
                "pharma-wire",
                "2027-06-03");
        StoryProfile otherJournal = profile(
                "Pertuzumab in older women: a cohort study",
                "Findings: pertuzumab was tolerated.",
                "journal",
                "another-journal",
                "2027-06-01");
        StoryProfile weeksLater = profile(
                "Pyrotinib versus pertuzumab: quality of life",
                "Findings: quality of life was similar.",
                "journal",
                "gazette-oncology-etoc",
                "2027-06-25");
        assertThat(links.link(paper, news)).hasValue("coverage within days of the paper in gazette oncology");
        assertThat(links.link(otherJournal, news)).as("another journal's paper").isEmpty();
        assertThat(links.link(weeksLater, news))
                .as("the journal's paper weeks later")
                .isEmpty();
        StoryCandidates<String> index = links.candidates();
        index.add("paper", paper);
        assertThat(index.of(news)).as("the index offers the paper to its news").contains("paper");
    }

    @Test
    void layNewsThatNamesAPaperByItsJournalCoversThatJournalsPaperOfTheSameDays() {
        StoryProfile paper = profile(
                "Bone health on long-term HER2 therapy: a review",
                "Review of fracture risk across trastuzumab and pertuzumab, with screening advice.",
                "journal",
                "gazette-oncology",
                "2027-03-10");
        StoryProfile news = profile(
                "Fewer bone scans may be needed for some women on Herceptin",
                "Routine scans could be spaced out, according to a major Gazette of Oncology review of the evidence.",
                "news",
                "daily-paper",
                "2027-03-11");
        StoryProfile otherJournal = profile(
                "Trastuzumab and bone density: a cohort study",
                "Findings: no loss of density.",
                "journal",
                "another-journal",
                "2027-03-10");
        assertThat(links.link(paper, news)).hasValue("coverage within days of the paper in gazette oncology");
        assertThat(links.link(otherJournal, news)).as("another journal's paper").isEmpty();
        StoryCandidates<String> index = links.candidates();
        index.add("paper", paper);
        assertThat(index.of(news)).as("the index offers the paper to its news").contains("paper");
    }

    @Test
    void aPreprintAndTheJournalArticleItBecameShareTheirAbstractsWordsThoughTheTitleWasRewritten() {
        String abstractWords = "Using resistant organoids and xenografts we found silencing of SLFN11, impaired "
                + "lysosomal acidification, reduced payload cleavage and preserved receptor internalisation; "
                + "restoring SLFN11 re-sensitised tumours to trastuzumab deruxtecan.";
        StoryProfile preprint = profile(
                "Impaired lysosomal acidification and SLFN11 silencing confer resistance to trastuzumab deruxtecan",
                abstractWords,
                "preprint",
                "biorxiv",
                "2027-01-05");
        StoryProfile paper = profile(
                "SLFN11 Loss Drives Acquired Resistance to Trastuzumab Deruxtecan",
                "Here, " + abstractWords,
                "journal",
                "cancer-research-etoc",
                "2027-01-28");
        StoryProfile otherPaper = profile(
                "SLFN11 Loss and Sensitivity to Topoisomerase Inhibitors in Gastric Cancer",
                "Silencing of SLFN11 in organoids reduced the effect of trastuzumab deruxtecan.",
                "journal",
                "cancer-research-etoc",
                "2027-01-28");
        assertThat(links.link(preprint, paper))
                .hasValueSatisfying(why -> assertThat(why).startsWith("a preprint and its journal version"));
        assertThat(links.link(preprint, otherPaper))
                .as("another study of the same subject")
                .isEmpty();
    }

    @Test
    void aWordJoinedToACommonWordCountsAsTheWordAnotherWriterUses() {
        StoryProfile guideline = profile(
                "HER2 testing in breast cancer: guideline update from the pathologists' panel",
                "Laboratories should report HER2-ultralow staining separately.",
                List.of("Practice Guideline"),
                "journal",
                "pathology-journal",
                "2027-02-01");
        StoryProfile news = profile(
                "Ultralow gets its own line in the new guideline",
                "Pathologists on the panel say labs will need to tell faint staining from none.",
                "news",
                "lab-news",
                "2027-02-12");
        assertThat(guideline.words()).contains("ultralow").doesNotContain("her2-ultralow");
        assertThat(links.link(guideline, news))
                .hasValueSatisfying(
                        why -> assertThat(why).startsWith("shares the words").contains("ultralow"));
    }

    @Test
    void aWordJoinedToACommonWordIsOneSharedWordNotTwo() {
        StoryProfile paper = profile(
                "Payload release kinetics of trastuzumab deruxtecan in HER2-ultralow organoids",
                "Organoids with faint membrane staining took up the conjugate within hours.",
                "journal",
                "lab-journal",
                "2027-04-02");
        StoryProfile news = profile(
                "HER2-ultralow tumours respond to trastuzumab deruxtecan in a national registry",
                "Registry clinicians describe responses in patients once called HER2-zero.",
                "news",
                "onc-news",
                "2027-04-03");
        assertThat(links.link(paper, news))
                .as("one word and a drug in common, however often each text joins it to HER2")
                .isEmpty();
    }

    @Test
    void aPreviewOfReadoutsToComeReportsNoneOfThemAndJoinsNoStories() {
        StoryProfile preview = profile(
                "Congress preview: what to watch in HER2 breast cancer this autumn",
                "Expect the overall survival update of DESTINY-Breast09 and the first data from DESTINY-Breast05 in"
                        + " the opening session.",
                "news",
                "onc-news",
                "2027-09-10");
        StoryProfile first = profile(
                "DESTINY-Breast09 overall survival results presented",
                "The DESTINY-Breast09 trial showed longer survival with trastuzumab deruxtecan and pertuzumab.",
                "news",
                "wire",
                "2027-09-14");
        StoryProfile second = profile(
                "DESTINY-Breast05 results presented in residual disease",
                "In DESTINY-Breast05, trastuzumab deruxtecan lowered the risk of recurrence after surgery.",
                "news",
                "other-wire",
                "2027-09-14");
        assertThat(preview.event()).isEqualTo(StoryLinks.PREVIEW);
        assertThat(preview.trials())
                .as("it names both trials, and reports on neither: both are to come")
                .isEmpty();
        assertThat(links.link(preview, first)).isEmpty();
        assertThat(links.link(preview, second)).isEmpty();
        assertThat(links.link(first, second)).as("two readouts, two stories").isEmpty();
    }

    @Test
    void twoPapersOfOneTrialNamingDifferentAnalysesAreTwoEventsAndCoverageJoinsOnlyWhatCameBeforeIt() {
        StoryProfile secondary = profile(
                "Liver safety of trastuzumab deruxtecan in DESTINY-Breast05: a secondary analysis",
                "Transaminase rises were infrequent and resolved on dose holds.",
                "journal",
                "onc-journal",
                "2027-05-03");
        StoryProfile news = profile(
                "Liver problems rare with newer conjugate in DESTINY-Breast05",
                "A fresh look at the DESTINY-Breast05 data found few liver events.",
                "news",
                "onc-news",
                "2027-05-05");
        StoryProfile exploratory = profile(
                "Nodal status and benefit of trastuzumab deruxtecan: an exploratory analysis of DESTINY-Breast05",
                "Benefit was largest in node-positive residual disease.",
                "preprint",
                "medrxiv",
                "2027-05-07");
        StoryProfile costs = profile(
                "Cost-effectiveness of trastuzumab deruxtecan after neoadjuvant therapy: a model from DESTINY-Breast05",
                "A partitioned survival model with list prices gave an incremental ratio above common thresholds.",
                "preprint",
                "medrxiv",
                "2027-05-06");
        assertThat(links.link(secondary, news))
                .as("coverage days after the paper")
                .isPresent();
        assertThat(links.link(secondary, exploratory))
                .as("two analyses, days apart")
                .isEmpty();
        assertThat(links.link(news, exploratory))
                .as("news out before the preprint was about another")
                .isEmpty();
        assertThat(links.link(costs, secondary))
                .as("a cost model built on the trial")
                .isEmpty();
    }

    @Test
    void aFilingIsAnEventOfItsOwnNeitherTheReadoutItRestsOnNorTheDecisionToCome() {
        StoryProfile readout = profile(
                "Jazz Announces Positive Topline Results from Phase 3 HERIZON-BTC-302 Trial of Zanidatamab",
                "Jazz Pharmaceuticals plc today announced that the HERIZON-BTC-302 trial of Ziihera met its primary "
                        + "endpoint in first-line HER2-positive biliary tract cancer.",
                "news",
                "businesswire",
                "2027-04-14");
        StoryProfile filing = profile(
                "FDA Accepts Jazz's Supplemental BLA for Ziihera in First-Line Biliary Tract Cancer",
                "The FDA has accepted for review a supplemental application for zanidatamab, based on the phase 3 "
                        + "HERIZON-BTC-302 trial, and granted priority review.",
                "news",
                "jazz-newsroom",
                "2027-05-12");
        StoryProfile filingNews = profile(
                "FDA grants priority review to Ziihera filing in biliary cancer",
                "The agency will decide on zanidatamab for first-line biliary tract cancer in the fourth quarter.",
                "news",
                "fierce-biotech",
                "2027-05-13");
        assertThat(filing.event()).isEqualTo(StoryLinks.FILING);
        assertThat(links.link(readout, filing))
                .as("the readout and the filing that rests on it")
                .isEmpty();
        assertThat(links.link(filing, filingNews))
                .hasValueSatisfying(why -> assertThat(why).startsWith("decision by fda"));
    }

    @Test
    void anAdvisoryOpinionOrADraftIsAStepOfItsOwnNotTheDecisionItLeadsTo() {
        StoryProfile opinion = profile(
                "Zanidatamab recommended for approval in the EU by CHMP for biliary tract cancer",
                "The CHMP adopted a positive opinion for Ziihera in previously treated biliary tract cancer.",
                "news",
                "jazz-newsroom",
                "2027-02-20");
        StoryProfile opinionNews = profile(
                "EU regulators back Jazz's bispecific for bile duct cancer",
                "Europe's medicines committee has recommended zanidatamab; a Commission decision follows.",
                "news",
                "pharma-wire",
                "2027-02-21");
        StoryProfile decision = profile(
                "Ziihera approved in the EU for biliary tract cancer after CHMP opinion",
                "The European Commission has approved zanidatamab for previously treated biliary tract cancer.",
                "news",
                "jazz-newsroom",
                "2027-03-15");
        assertThat(opinion.event()).isEqualTo(StoryLinks.OPINION);
        assertThat(opinionNews.event()).isEqualTo(StoryLinks.OPINION);
        assertThat(decision.event())
                .as("the decision named before the opinion it followed")
                .isEqualTo(StoryLinks.DECISION);
        assertThat(links.link(opinion, opinionNews))
                .hasValueSatisfying(why -> assertThat(why).startsWith("decision by ema"));
        assertThat(links.link(opinion, decision)).isEmpty();
        assertThat(links.link(opinionNews, decision)).isEmpty();
    }

    @Test
    void aDecisionIsAboutTheDrugItsTitleOrItsOpeningNamesNotOneNamedFurtherOn() {
        StoryProfile enhertu = profile(
                "Enhertu approved in the EU for HER2-positive early breast cancer",
                "The European Commission has approved trastuzumab deruxtecan for residual invasive disease.",
                "news",
                "astrazeneca-news",
                "2027-05-10");
        StoryProfile sister = profile(
                "DATAVEX approved in the EU for previously treated EGFR-mutated non-small cell lung cancer",
                "The sponsor's DATAVEX (a TROP2-directed conjugate) has been approved by the European Commission for"
                        + " adults with advanced EGFR-mutated NSCLC previously treated with an EGFR TKI and platinum"
                        + " chemotherapy, the company said on Monday. It is the second conjugate of the collaboration"
                        + " approved in the EU, following ENHERTU.",
                "news",
                "daiichi-news",
                "2027-05-12");
        assertThat(sister.drugs()).isEmpty();
        assertThat(links.link(enhertu, sister)).isEmpty();
    }

    @Test
    void aNoticeNamingItsArticleOnlyByTitleSharesNoWordsWithAnotherNoticeByTheirCommonFormula() {
        StoryProfile byTitle = profile(
                "Expression of Concern: Liver enzyme trends with pyrotinib in a provincial registry",
                "The Editor-in-Chief issues this Expression of Concern to alert readers to questions about consent"
                        + " records. The authors have been contacted, and readers should interpret the results with"
                        + " caution.",
                List.of("Expression of Concern"),
                "journal",
                "onc-journal",
                "2027-06-01");
        StoryProfile byDoi = profile(
                "Editorial Expression of Concern: Quality of life after tucatinib for brain metastases: a survey",
                "The Editor-in-Chief alerts readers that responses to this survey (https://doi.org/10.5555/qol.2027.41)"
                        + " may have been duplicated. The authors were asked for the raw data; interpret it with"
                        + " caution.",
                List.of("Expression of Concern"),
                "journal",
                "other-journal",
                "2027-06-09");
        assertThat(links.link(byTitle, byDoi)).isEmpty();
    }

    @Test
    void twoNoticesThatNameDifferentArticlesAreNotLinkedByTheWordsEveryNoticeUses() {
        StoryProfile one = profile(
                "Expression of Concern: Non-coding RNAs as mediators of trastuzumab resistance: a review",
                "The journal issues an Expression of Concern for the article (doi: 10.5555/fonc.2027.1402233). An "
                        + "investigation into the reliability of the cited studies is ongoing.",
                List.of("Expression of Concern"),
                "journal",
                "frontiers-oncology",
                "2027-10-05");
        StoryProfile other = profile(
                "Expression of Concern: Long noncoding RNA confers pyrotinib resistance in gastric cancer",
                "The editors issue this expression of concern about the article (PMID: 99087342) because an "
                        + "institutional investigation into the reliability of its images is ongoing.",
                List.of("Expression of Concern"),
                "journal",
                "pubmed",
                "2027-10-20");
        assertThat(links.link(one, other)).isEmpty();
    }

    @Test
    void aBlogsReportOfARetractionAndTheJournalsNoticeNamingOneTitleAreOneStory() {
        StoryProfile notice = profile(
                "Retraction: Lapatinib in older patients: a pooled analysis of randomised trials",
                "Notice of Retraction. The authors found that patients of one trial were counted twice.",
                List.of("Retraction"),
                "journal",
                "onc-journal",
                "2027-11-06");
        StoryProfile blog = profile(
                "Authors pull HER2 pooled analysis over double-counted patients",
                "The paper \"Lapatinib in older patients: a pooled analysis of randomised trials\" was retracted at"
                        + " the authors' request.",
                List.of("Retractions"),
                "news",
                "integrity-blog",
                "2027-11-10");
        StoryProfile other = profile(
                "Retraction: Neratinib in older patients: a pooled analysis of randomised trials",
                "Notice of Retraction. Duplicate images were found.",
                List.of("Retraction"),
                "journal",
                "onc-journal",
                "2027-11-08");
        assertThat(links.link(notice, blog))
                .hasValueSatisfying(why -> assertThat(why)
                        .isEqualTo("notices about the article titled \"lapatinib in older patients a pooled analysis"
                                + " of randomised trials\""));
        assertThat(links.link(blog, other)).as("another article's title").isEmpty();
    }

    @Test
    void twoNoticesNamingTheirArticleOneByPubmedIdAndOneByDoiAreLinkedByTheArticlesWords() {
        StoryProfile journal = profile(
                "Editorial Expression of Concern: Lapatinib rechallenge in HER2-positive disease: a multicentre"
                        + " real-world cohort of 980 patients",
                "The Editor-in-Chief is issuing an expression of concern regarding this article (PMID: 98770011)."
                        + " Patients appear to overlap with those of earlier single-centre publications.",
                List.of("Editorial Expression of Concern"),
                "journal",
                "breast-journal",
                "2027-10-05");
        StoryProfile blog = profile(
                "Big real-world lapatinib rechallenge cohort gets an expression of concern over patient overlap",
                "The journal has placed an expression of concern on a 980-patient multicentre cohort"
                        + " (https://doi.org/10.5555/bj.2027.0411). Patient numbers matched earlier single-centre"
                        + " publications.",
                List.of("Expression of concern"),
                "news",
                "integrity-blog",
                "2027-10-08");
        assertThat(links.link(journal, blog))
                .hasValueSatisfying(why -> assertThat(why).startsWith("notices sharing the words"));
    }

    @Test
    void aJournalWhoseIdKeepsItsJoiningWordsIsTheVenueNewsNamesOnTheDayItWasPublished() {
        StoryProfile paper = profile(
                "Pyrotinib plus Chemotherapy for Untreated HER2-Positive Gastric Cancer",
                "METHODS: In the phase 3 WREN-GC trial, pyrotinib was added to chemotherapy.",
                "journal",
                "gazette-of-oncology",
                "2027-06-01");
        StoryProfile news = profile(
                "Chinese pill beats standard care as first treatment for stomach cancer, study finds",
                "Adding an oral drug to chemotherapy extended survival, according to a phase 3 study published"
                        + " Thursday in the Gazette of Oncology.",
                "news",
                "pharma-wire",
                "2027-06-02");
        assertThat(links.link(paper, news)).hasValue("coverage within days of the paper in gazette oncology");
    }

    @Test
    void newsOfADecisionNamingTheDrugItDisplacesAndTheMakerOfTheDecidedOneReportsTheMakersDecision() {
        StoryProfile fda = profile(
                "FDA approves zanidatamab with chemotherapy for first-line HER2-positive gastric cancer",
                "The FDA approved the bispecific for untreated disease.",
                "regulator",
                "fda",
                "2027-03-01");
        StoryProfile trade = profile(
                "Jazz's bispecific breaks trastuzumab's long hold on first-line gastric cancer",
                "Jazz now has the green light to challenge Herceptin in frontline stomach cancer.",
                "news",
                "pharma-wire",
                "2027-03-02");
        assertThat(trade.drugs()).contains("zanidatamab", "trastuzumab");
        assertThat(links.link(fda, trade)).hasValue("decision on [zanidatamab] reported within days");
    }

    @Test
    void layNewsNamingThePaperAndThenItsJournalCoversThatJournalsPaper() {
        StoryProfile paper = profile(
                "Spatial mapping reveals stromal barriers to antibody-drug conjugate penetration",
                "Using multiplexed imaging of organoids we show that stroma reduces trastuzumab deruxtecan delivery.",
                "journal",
                "gazette-of-oncology",
                "2027-06-01");
        StoryProfile news = profile(
                "Tumour walls keep cancer drugs out, researchers find",
                "Scar-like tissue soaks up drugs like Enhertu before they reach cancer cells, according to a paper in"
                        + " the Gazette of Oncology.",
                "news",
                "science-wire",
                "2027-06-02");
        StoryProfile elsewhere = profile(
                "Tumour walls keep cancer drugs out, researchers find",
                "Scar-like tissue soaks up drugs like Enhertu, according to a study in Japanese patients.",
                "news",
                "science-wire",
                "2027-06-02");
        assertThat(links.link(paper, news)).hasValue("coverage within days of the paper in gazette oncology");
        assertThat(links.link(paper, elsewhere)).isEmpty();
    }

    @Test
    void oneDrugsDecisionsInTwoSettingsOfOneSiteAreTwoStoriesWhateverThePatientsWords() {
        StoryProfile residual = profile(
                "FDA approves trastuzumab deruxtecan for early breast cancer with residual disease after neoadjuvant"
                        + " therapy",
                "The FDA approved Enhertu for residual invasive disease.",
                "regulator",
                "fda",
                "2027-03-01");
        StoryProfile patients = profile(
                "Big news: Enhertu approved for early HER2+ breast cancer with leftover disease",
                "If your pathology report still showed cancer after treatment before surgery, the FDA has approved"
                        + " Enhertu for you.",
                "patient",
                "patient-network",
                "2027-03-04");
        StoryProfile neoadjuvant = profile(
                "FDA approves trastuzumab deruxtecan followed by THP as neoadjuvant treatment of HER2-positive breast"
                        + " cancer",
                "The FDA approved Enhertu before surgery for high-risk disease.",
                "regulator",
                "fda",
                "2027-03-06");
        assertThat(residual.settings()).containsExactly("residual-disease");
        assertThat(patients.settings()).containsExactly("residual-disease");
        assertThat(neoadjuvant.settings()).containsExactly("neoadjuvant");
        assertThat(links.link(residual, patients)).hasValue("decision by fda on [trastuzumab deruxtecan]");
        assertThat(links.link(patients, neoadjuvant))
                .as("residual disease vs neoadjuvant")
                .isEmpty();
    }

    @Test
    void layNewsOfADecisionNamesTheDrugByItsMakerAtTheStartOfItsText() {
        StoryProfile decision = profile(
                "FDA grants accelerated approval to zongertinib for first-line HER2-mutant lung cancer",
                "The FDA granted accelerated approval to zongertinib for untreated HER2-mutant NSCLC.",
                "regulator",
                "fda",
                "2027-10-20");
        StoryProfile patients = profile(
                "New first treatment option approved for people with HER2-mutant lung cancer",
                "Good news: a once-a-day pill from Boehringer Ingelheim has been approved by the FDA as a first"
                        + " treatment for advanced lung cancer with a HER2 mutation.",
                "patient",
                "lung-community",
                "2027-10-23");
        assertThat(patients.drugs()).containsExactly("zongertinib");
        assertThat(links.link(decision, patients)).hasValue("decision by fda on [zongertinib]");
    }

    @Test
    void newsSayingResearchersReportInAJournalCoversThatJournalsPaper() {
        StoryProfile paper = profile(
                "Loss of a DNA-repair factor drives resistance to trastuzumab deruxtecan in breast cancer models",
                "Resistant cell lines kept HER2 but lost payload sensitivity.",
                "journal",
                "gazette-oncology-etoc",
                "2027-06-01");
        StoryProfile news = profile(
                "Why breast tumours stop responding to Enhertu",
                "Researchers report in Gazette Oncology that resistant cancers keep their target.",
                "news",
                "science-wire",
                "2027-06-02");
        assertThat(links.link(paper, news)).hasValue("coverage within days of the paper in gazette oncology");
    }

    @Test
    void aGermanBenefitAssessmentAndItsNewsAreOneDecision() {
        StoryProfile resolution = profile(
                "Nutzenbewertung nach Paragraph 35a SGB V: Zanidatamab (Gallengangkarzinom, HER2-positiv) - Beschluss",
                "Der Gemeinsame Bundesausschuss hat beschlossen: ein geringer Zusatznutzen liegt vor.",
                "regulator",
                "g-ba",
                "2027-08-20");
        StoryProfile news = profile(
                "G-BA sieht geringen Zusatznutzen fuer Zanidatamab beim Gallengangkarzinom",
                "Das Gremium stellte fuer Ziihera einen geringen Zusatznutzen fest.",
                "news",
                "aerzte-news",
                "2027-08-21");
        assertThat(news.event()).isEqualTo("decision");
        assertThat(links.link(resolution, news)).isPresent();
    }

    @Test
    void coverageNamingItsTrialIsNotOfAPaperOfTheSameDaysThatNamesNone() {
        StoryProfile pooled = profile(
                "Intracranial efficacy of HER2-directed agents in brain metastases: a pooled study",
                "We pooled 31 prospective studies of trastuzumab deruxtecan and tucatinib.",
                "preprint",
                "preprint-server",
                "2027-10-20");
        StoryProfile trialNews = profile(
                "Antibody conjugate active in HER2-low disease",
                "Nearly half had intracranial responses in brain metastases with trastuzumab deruxtecan in the"
                        + " single-arm GRAVEL-2 trial.",
                "news",
                "med-news",
                "2027-10-18");
        StoryProfile unnamedNews = profile(
                "Antibody conjugate active in HER2-low disease",
                "Nearly half had intracranial responses in brain metastases with trastuzumab deruxtecan, researchers"
                        + " said.",
                "news",
                "med-news",
                "2027-10-18");
        assertThat(links.link(pooled, trialNews)).isEmpty();
        assertThat(links.link(pooled, unnamedNews))
                .as("news naming no trial may cover it")
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("coverage within days sharing"));
    }

    @Test
    void niceFinalDraftGuidanceIsTheRecommendationNewsReportsWhereADraftForConsultationIsAStep() {
        StoryProfile finalDraft = profile(
                "Zanidatamab for previously treated HER2-positive biliary tract cancer — final draft guidance",
                "NICE recommends zanidatamab for use within the Cancer Drugs Fund.",
                "regulator",
                "nice",
                "2027-08-05");
        StoryProfile charity = profile(
                "Good news: NICE backs zanidatamab for HER2-positive bile duct cancer",
                "The charity welcomes NICE's decision, which means eligible patients can access Ziihera.",
                "patient",
                "bile-duct-charity",
                "2027-08-06");
        assertThat(finalDraft.event()).isEqualTo("decision");
        assertThat(links.link(finalDraft, charity)).hasValue("decision by nice on [zanidatamab]");
        assertThat(profile(
                                "Zanidatamab for biliary tract cancer [ID6500] — draft guidance consultation",
                                "The committee is minded not to recommend zanidatamab.",
                                "regulator",
                                "nice",
                                "2027-05-05")
                        .event())
                .isEqualTo("opinion");
    }

    @Test
    void aDecisionNamedAsSuchIsADecision() {
        assertThat(profile(
                                "Charity welcomes NICE decision on Enhertu for HER2-low secondary breast cancer",
                                "Thousands of people will now be able to have the drug.",
                                "news",
                                "charity-news",
                                "2027-06-11")
                        .event())
                .isEqualTo("decision");
    }

    @Test
    void aWidenedLabelAnOkAndALicenceAreDecisions() {
        assertThat(profile(
                                "Hernexeos moves up to first line in HER2-mutant lung cancer",
                                "The oral drug can now be given first, after the FDA widened its label on Tuesday.",
                                "news",
                                "biotech-wire",
                                "2027-10-21")
                        .event())
                .isEqualTo("decision");
        assertThat(profile(
                                "Jazz bags first-line gastric OK for Ziihera",
                                "The bispecific's expansion gives Jazz a bigger market.",
                                "news",
                                "biotech-wire",
                                "2027-11-26")
                        .event())
                .isEqualTo("decision");
        assertThat(profile(
                                "UK regulator extends Enhertu licence to 'ultralow' HER2 breast tumours",
                                "The MHRA extended the indication.",
                                "news",
                                "pharmacy-news",
                                "2027-09-03")
                        .event())
                .isEqualTo("decision");
    }

    @Test
    void dualHer2BlockadeNamesDrugsAndSoIsNoWordTwoArticlesShare() {
        StoryProfile podcast = profile(
                "Podcast: Six Months Instead of Twelve? De-escalating Dual HER2 Blockade After pCR",
                "Two oncologists discuss shortening pertuzumab and trastuzumab.",
                "news",
                "oncology-podcast",
                "2027-10-05");
        StoryProfile review = profile(
                "Cardiotoxicity of dual HER2 blockade with pertuzumab and trastuzumab: a systematic review",
                "Twenty randomised trials of pertuzumab with trastuzumab were pooled.",
                "journal",
                "cardio-journal",
                "2027-10-07");
        assertThat(podcast.titleWords()).doesNotContain("dual", "blockade");
        assertThat(links.link(podcast, review)).isEmpty();
    }

    @Test
    void reportsWhoseTitlesNameDifferentTumourSitesAreNotLinkedByTheirWords() {
        StoryProfile breast = profile(
                "Living guidelines in a fast-moving field: a perspective on the ESMO update for HER2-positive breast"
                        + " cancer",
                "Two faculty members reflect on the living guideline update and on trastuzumab deruxtecan.",
                "news",
                "esmo-perspectives",
                "2027-11-10");
        StoryProfile lung = profile(
                "Therapy for Stage IV Non-Small Cell Lung Cancer: ASCO Living Guideline Update on HER2 Mutations",
                "ASCO updated its living guideline: trastuzumab deruxtecan remains recommended after first-line"
                        + " therapy.",
                "journal",
                "jco-practice",
                "2027-11-18");
        assertThat(breast.sites()).containsExactly("breast");
        assertThat(lung.sites()).containsExactly("lung");
        assertThat(links.link(breast, lung)).isEmpty();
    }

    @Test
    void aTitleGivingAStudysFindingReportsAResultWhateverItsTextSaysWasCleared() {
        assertThat(profile(
                                "Japanese study supports restarting Enhertu after mild lung inflammation",
                                "Most patients could safely resume the drug once the inflammation had cleared.",
                                "news",
                                "asia-health",
                                "2027-10-14")
                        .event())
                .isEqualTo("result");
    }

    @Test
    void aRecommendationForEuApprovalIsTheCommitteesStepAsItsOpinionIs() {
        StoryProfile opinion = profile(
                "CHMP summary of positive opinion for Hyrnuo (sevabertinib)",
                "The CHMP adopted a positive opinion recommending a conditional marketing authorisation.",
                "regulator",
                "ema-chmp",
                "2027-09-18");
        StoryProfile release = profile(
                "Bayer's sevabertinib recommended for EU conditional approval in HER2-mutant lung cancer",
                "Bayer announced that the CHMP has recommended conditional marketing authorisation of sevabertinib.",
                "news",
                "bayer-news",
                "2027-09-18");
        assertThat(release.event()).isEqualTo("opinion");
        assertThat(links.link(opinion, release)).hasValue("decision by ema on [sevabertinib]");
    }

    @Test
    void coverageTellingOfSeveralTrialsResultsJoinsNoneOfTheirStoriesByTrial() {
        StoryProfile readout = profile(
                "MAGPIE trial: trastuzumab alone as good as chemotherapy for older women",
                "The MAGPIE trial found trastuzumab alone non-inferior for women aged 70 or older.",
                "news",
                "university-press",
                "2027-10-29");
        StoryProfile editorial = profile(
                "Less is more: the case for de-escalation",
                "This Editorial reflects on two readouts. In HARBOR-H2, six months was non-inferior to a year, and in"
                        + " MAGPIE, trastuzumab alone was non-inferior for women aged 70 or older.",
                List.of("Editorial"),
                "journal",
                "oncology-journal",
                "2027-11-18");
        StoryProfile letter = profile(
                "Trastuzumab alone for older women: the MAGPIE trial results",
                "The MAGPIE trial results suggest chemotherapy may be spared.",
                List.of("Editorial"),
                "journal",
                "oncology-journal",
                "2027-11-10");
        assertThat(editorial.trialNames()).containsExactlyInAnyOrder("HARBOR-H2", "MAGPIE");
        assertThat(links.link(readout, editorial)).isEmpty();
        assertThat(letter.type()).isEqualTo(editorial.type());
        assertThat(links.link(readout, letter)).as("coverage of the one trial").hasValue("trial [magpie]");
    }

    @Test
    void aCompanyReleaseAnnouncingPublicationInAJournalCoversThatJournalsPaper() {
        StoryProfile paper = profile(
                "Neratinib plus capecitabine versus lapatinib plus capecitabine in HER2-positive breast cancer with"
                        + " leptomeningeal spread: a randomised trial",
                "Findings: 144 patients were randomised. Intracranial response favoured neratinib.",
                "journal",
                "meridian-oncology",
                "2027-09-03");
        StoryProfile release = profile(
                "Puma highlights intracranial responses with its pill",
                "The company announced publication of the randomised study of its tyrosine kinase inhibitor in"
                        + " patients whose cancer had spread to the brain lining in Meridian Oncology.",
                "news",
                "puma-news",
                "2027-09-04");
        StoryProfile headline = profile(
                "Neratinib beats lapatinib in the brain lining, Meridian Oncology publishes",
                "Researchers compared two tyrosine kinase inhibitors in 144 women.",
                "news",
                "onc-wire",
                "2027-09-04");
        assertThat(links.link(paper, release)).hasValue("coverage within days of the paper in meridian oncology");
        assertThat(links.link(paper, headline)).hasValue("coverage within days of the paper in meridian oncology");
    }

    @Test
    void aCommentOnAPaperInThisIssueOfItsJournalIsLinkedToThatPaperWhateverItsType() {
        StoryProfile paper = profile(
                "Lysosomal trapping of the payload limits neratinib activity in HER2-mutant gastric organoids",
                "Using 31 patient-derived organoids and mouse xenografts, we show that neratinib is sequestered in"
                        + " acidic vesicles of resistant cells.",
                "journal",
                "meridian-cancer-biology",
                "2027-05-05");
        StoryProfile preview = profile(
                "Where the pill goes astray",
                "Preview. A new study in this issue of Meridian Cancer Biology uses organoids and mice to show how"
                        + " neratinib ends up locked away inside tumour cells.",
                "journal",
                "cell-previews",
                "2027-05-05");
        StoryProfile otherJournal = profile(
                "Lysosomal trapping of neratinib in HER2-mutant gastric cancer mice",
                "In mouse xenografts neratinib accumulated in acidic vesicles.",
                "journal",
                "northern-cancer-research",
                "2027-05-05");
        assertThat(preview.type()).as("neither reads as a comment").isEqualTo(paper.type());
        assertThat(links.link(paper, preview))
                .hasValue("comment on the paper in this issue of meridian cancer biology");
        assertThat(links.link(otherJournal, preview))
                .as("a paper of another journal")
                .isEmpty();
        StoryProfile later = profile(
                "Where the pill goes astray",
                "A new study in this issue of Meridian Cancer Biology shows how neratinib ends up locked away.",
                "journal",
                "cell-previews",
                "2027-05-20");
        assertThat(links.link(paper, later)).as("another issue's comment").isEmpty();
    }

    @Test
    void layNewsNamingAReadoutsWholeRegimenAndItsSiteButNoTrialReportsThatReadoutOfThoseDays() {
        StoryProfile abstractOfReadout = profile(
                "LBA40 Neratinib plus trastuzumab in HER2-mutant biliary tract cancer: primary analysis of the phase 2"
                        + " KESTREL-BT trial",
                "KESTREL-BT (NCT09900112) enrolled 71 patients; confirmed objective response rate was 31%.",
                "journal",
                "congress-abstracts",
                "2027-10-18");
        StoryProfile lay = profile(
                "Pill and antibody pairing shrinks bile duct tumours in a third of patients",
                "Neratinib with trastuzumab shrank tumours in about one in three people whose gallbladder or bile duct"
                        + " cancer carries a HER2 mutation, doctors said at the meeting.",
                "news",
                "health-desk",
                "2027-10-19");
        assertThat(links.link(abstractOfReadout, lay))
                .hasValue("coverage within days of a readout of [neratinib, trastuzumab] in [biliary]");
        StoryProfile backboneOnly = profile(
                "Antibody keeps working in bile duct cancer for longer than expected",
                "Patients on trastuzumab in a small series stayed on treatment for a median of ten months.",
                "news",
                "health-desk",
                "2027-10-19");
        assertThat(links.link(abstractOfReadout, backboneOnly))
                .as("naming only part of the readout's regimen")
                .isEmpty();
        StoryProfile realWorld = profile(
                "Real-world neratinib plus trastuzumab in HER2-mutant biliary tract cancer outside KESTREL-BT",
                "Among 58 patients treated off-trial, the response rate was lower than in KESTREL-BT.",
                "journal",
                "hepatobiliary-journal",
                "2027-10-18");
        assertThat(links.link(realWorld, lay))
                .as("a cohort measured against the trial is another study than its readout")
                .isEmpty();
    }

    @Test
    void newsNamingAMakerAndItsDrugJoinsTheDrugsOneReadoutOfThoseDaysButNoneWhenThereAreSeveral() {
        StoryProfile release = profile(
                "Puma Announces Phase 3 WILLOW-3 Trial of Neratinib Met Its Primary Endpoint",
                "Puma said WILLOW-3 (NCT09911223), a phase 3 trial of neratinib after adjuvant therapy in HER2-positive"
                        + " early breast cancer, met its primary endpoint of invasive disease-free survival.",
                "news",
                "press-wire",
                "2027-04-12");
        StoryProfile shares = profile(
                "Puma stock jumps as investors cheer upbeat readout",
                "Shares of the drugmaker rose 30% after it said Nerlynx kept more women free of relapse.",
                "news",
                "market-desk",
                "2027-04-13");
        StoryCandidates<String> known = links.candidates();
        known.add("release", release);
        assertThat(links.link(release, shares))
                .as("two articles alone say too little")
                .isEmpty();
        assertThat(links.link(release, shares, known))
                .hasValue("news naming puma within days of the one readout of neratinib (WILLOW-3)");

        StoryProfile secondReadout = profile(
                "Neratinib plus capecitabine in HER2-positive brain metastases: the phase 2 ASPEN-2 trial",
                "ASPEN-2 (NCT09922334) tested neratinib with capecitabine; CNS response rate was 41%.",
                "journal",
                "congress-abstracts",
                "2027-04-14");
        known.add("second", secondReadout);
        assertThat(links.link(release, shares, known))
                .as("a maker with two readouts of its drug in those days: the news could be of either")
                .isEmpty();
        assertThat(links.link(secondReadout, shares, known)).isEmpty();
    }

    @Test
    void congressNewsOfATrialsSurvivalReadoutIsNotCoverageOfItsBiomarkerAbstractOfThatDay() {
        StoryProfile release = profile(
                "LBA3: Neratinib plus trastuzumab versus trastuzumab alone: overall survival in SUNSPOT-4",
                "Results: in the phase 3 SUNSPOT-4 trial (NCT09933445), median overall survival was 52.1 versus 44.6"
                        + " months in HER2-positive metastatic breast cancer.",
                "journal",
                "congress-abstracts",
                "2027-12-01");
        StoryProfile abstractOfBiomarker = profile(
                "P2-07: ctDNA clearance and outcomes in SUNSPOT-4",
                "Exploratory biomarker analysis of plasma from 640 patients treated with neratinib and trastuzumab;"
                        + " the benefit held whatever the ctDNA status at baseline.",
                "journal",
                "congress-abstracts",
                "2027-12-03");
        StoryProfile congressNews = profile(
                "Winter congress: neratinib doublet lengthens life in SUNSPOT-4",
                "Adding neratinib to trastuzumab reduced the risk of death, investigators told a general session.",
                "news",
                "oncology-daily",
                "2027-12-03");
        assertThat(links.link(abstractOfBiomarker, congressNews))
                .as("alone, news of the trial that day could be the abstract's coverage")
                .isPresent();
        StoryCandidates<String> known = links.candidates();
        known.add("release", release);
        assertThat(links.link(release, congressNews, known)).isPresent();
        assertThat(links.link(abstractOfBiomarker, congressNews, known))
                .as("the news tells the survival readout of two days before, not the exploratory abstract")
                .isEmpty();
    }

    @Test
    void aPaperGivingItsTrialsIdsInTwoRegistriesAndAPreprintGivingOneOfThemReportOneTrial() {
        StoryProfile preprint = profile(
                "Neoadjuvant zanidatamab with chemotherapy in resectable HER2-positive oesophageal cancer: a randomised"
                        + " phase 2 trial",
                "This randomised trial (ISRCTN40506070) compared zanidatamab with trastuzumab before oesophagectomy."
                        + " Not peer reviewed.",
                "preprint",
                "preprint-server",
                "2027-02-01");
        StoryProfile paper = profile(
                "Zanidatamab or trastuzumab with chemotherapy before surgery for oesophageal adenocarcinoma",
                "Patients were randomised before oesophagectomy. Major pathological response favoured zanidatamab."
                        + " Trial registration NCT09876501 and ISRCTN40506070.",
                "journal",
                "surgery-journal",
                "2027-02-20");
        assertThat(paper.trials()).contains("nct09876501", "isrctn40506070");
        assertThat(links.link(preprint, paper)).hasValue("trial [isrctn40506070]");
    }

    @Test
    void aGuidelinesCoverageMayComeWeeksLaterButSharingOnlyTheWordsOfEveryGuidelineUpdateIsNotEnough() {
        StoryProfile guideline = profile(
                "Oesophagogastric cancer: ESMO Clinical Practice Guideline update on HER2-positive disease",
                "The ESMO Guidelines Committee recommends zanidatamab with chemotherapy as first-line treatment of"
                        + " HER2-positive oesophagogastric adenocarcinoma; retesting HER2 on progression is advised.",
                "journal",
                "oncology-annals",
                "2027-05-03");
        StoryProfile podcast = profile(
                "Oncology Podcast: retesting HER2 in oesophagogastric cancer under the new recommendations",
                "Two authors of the ESMO guideline explain when to retest HER2 and where zanidatamab now fits.",
                "news",
                "society-podcast",
                "2027-05-13");
        assertThat(podcast.type()).isIn("news", "commentary");
        assertThat(links.link(guideline, podcast)).isPresent();

        StoryProfile otherComment = profile(
                "A pathologist's view of the latest HER2 testing guideline update",
                "The guideline update on HER2 scoring will change which patients receive zanidatamab, the author"
                        + " argues, and laboratories need time to adapt.",
                "journal",
                "pathology-journal",
                "2027-05-13");
        assertThat(links.link(guideline, otherComment))
                .as("'guideline update' and a drug are shared by every guideline's coverage")
                .isEmpty();
    }

    @Test
    void newsOpeningWithTheCompanyAReleaseOpensWithJoinsItsOneReadoutOfThoseDays() {
        StoryProfile release = profile(
                "Orrery Biosciences Reports Phase 3 LANTERN-2 Trial Met Its Primary Endpoint",
                "LANTERN-2 (NCT09933445) tested the company's oral HER2 inhibitor with chemotherapy in HER2-mutant"
                        + " lung cancer and met its primary endpoint.",
                "news",
                "press-wire",
                "2027-06-07");
        StoryProfile shares = profile(
                "Orrery Biosciences shares triple on late-stage win",
                "The small biotech said its lead pill beat the standard of care, setting up a contest with larger"
                        + " rivals.",
                "news",
                "market-desk",
                "2027-06-08");
        StoryCandidates<String> known = links.candidates();
        known.add("release", release);
        assertThat(links.link(release, shares)).isEmpty();
        assertThat(links.link(release, shares, known))
                .hasValue("news naming orrery biosciences within days of its one readout (LANTERN-2)");

        StoryProfile another = profile(
                "Orrery Biosciences Presents Phase 2 BEACON-1 Trial Results in HER2-Positive Breast Cancer",
                "BEACON-1 (NCT09944556) reported a response rate of 38% with the company's HER2 inhibitor.",
                "news",
                "press-wire",
                "2027-06-09");
        known.add("another", another);
        assertThat(links.link(release, shares, known))
                .as("the company's two readouts of those days: the news could be of either")
                .isEmpty();
    }
}
