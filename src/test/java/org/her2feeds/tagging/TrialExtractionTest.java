package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which trials an article reports on, as the shipped rules find them in invented text: curated trials in the
 * spellings writers use, trials the text calls so by a name of their own, registry ids however they are typed, a
 * registry record as the one trial it registers, and trials named only as background left out.
 */
class TrialExtractionTest {

    private static Tagger shipped;

    @BeforeAll
    static void loadShippedRules() {
        shipped = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    }

    private static List<TrialMention> trials(String title, String summary, String kind, String link) {
        return shipped.tag(new TaggableText(title, summary, "", List.of(), kind, link))
                .evidence()
                .trials();
    }

    private static List<String> acronyms(String title, String summary, String kind) {
        return trials(title, summary, kind, null).stream()
                .map(TrialMention::acronym)
                .toList();
    }

    @Test
    void curatedTrialsAreFoundWhateverSeparatorLeadingZeroOrInitialsTheWriterUses() {
        assertThat(acronyms("DESTINY Breast 9 update", "Overall survival data were shown.", "news"))
                .containsExactly("DESTINY-Breast09");
        assertThat(acronyms("T-DXd in DB-09: what changes", "A look at first-line data.", "news"))
                .containsExactly("DESTINY-Breast09");
        assertThat(acronyms("Tucatinib in HER2CLIMB 02", "Final progression-free survival.", "journal"))
                .as("the numbered trial, not its parent")
                .containsExactly("HER2CLIMB-02");
        assertThat(acronyms("Commuters who train 2 days a week", "Trastuzumab nurses on the road.", "news"))
                .as("a lower-case 'train 2' is no trial")
                .isEmpty();
    }

    @Test
    void aNameWhosePartEndsInALowerCaseLetterAfterItsNumberIsFoundWhole() {
        assertThat(acronyms(
                        "OSPREY-HER2m: a randomised trial of treatment duration guided by ctDNA",
                        "Participants are randomised to stop or continue trastuzumab.",
                        "registry"))
                .containsExactly("OSPREY-HER2m");
        assertThat(acronyms("Expansion cohort opens", "The KESTREL-2b trial enrolled its first patient.", "news"))
                .containsExactly("KESTREL-2b");
    }

    @Test
    void aTrialGivenByItsNameAndItsIdsInTwoRegistriesIsOneTrial() {
        assertThat(trials(
                        "Primary results of HARBOR-X: a randomized phase 2 trial of sequential neoadjuvant therapy",
                        "EU CT 2025-512345-21-00; NCT09990001. pCR 61.0% vs 52.3%.",
                        "journal",
                        null))
                .extracting(TrialMention::acronym, TrialMention::id)
                .containsExactly(tuple("HARBOR-X", "NCT09990001"));
        assertThat(trials(
                        "Final analysis of MARLIN-4, a phase 3 trial of adjuvant pertuzumab",
                        "Transitioned to the new regulation: EudraCT 2019-004567-12, EU CT 2024-512345-33-00.",
                        "journal",
                        null))
                .as("an EudraCT and an EU CT number are two registries, one id each")
                .extracting(TrialMention::acronym, TrialMention::id)
                .containsExactly(tuple("MARLIN-4", "2024-512345-33-00"));
        assertThat(trials(
                        "Pooled safety of two neoadjuvant trials",
                        "Data from NCT09990001 and NCT09990002 were pooled.",
                        "journal",
                        null))
                .as("two ids of one registry are two trials")
                .hasSize(2);
    }

    @Test
    void anEndpointWrittenInCapitalsAfterATrialsNameIsNoTrialOfItsOwn() {
        assertThat(acronyms(
                        "Cost-effectiveness of trastuzumab deruxtecan after residual disease",
                        "Using DESTINY-Breast05 IDFS data, the model found a price cut was needed.",
                        "journal"))
                .containsExactly("DESTINY-Breast05");
        assertThat(acronyms(
                        "Neratinib after adjuvant trastuzumab: a model",
                        "We used the ExteNET DRFS data and IBCFS results of the trial.",
                        "journal"))
                .containsExactly("ExteNET");
    }

    @Test
    void trialsNotInTheCuratedListAreFoundWhenTheTextCallsThemATrialOrStudy() {
        assertThat(acronyms(
                        "Enrolment opens in the OSPREY-HB trial",
                        "The phase 2 study will give zanidatamab to 90 patients with HER2-positive disease.",
                        "news"))
                .containsExactly("OSPREY-HB");
        assertThat(acronyms(
                        "Home infusions of trastuzumab",
                        "Patients in LANTERN, a randomised phase 3 study, chose where to be treated.",
                        "journal"))
                .containsExactly("LANTERN");
        assertThat(acronyms(
                        "Trastuzumab deruxtecan after progression",
                        "Results of the phase II trial MAGPIE-2 in HER2-low disease.",
                        "journal"))
                .containsExactly("MAGPIE-2");
        assertThat(acronyms(
                        "An ESMO study of HER2 testing",
                        "A HER2-positive study population; IHC trial of scoring rules.",
                        "journal"))
                .as("congresses, receptors and tests are no trials")
                .isEmpty();
    }

    @Test
    void aNameNewsRetypesInMixedCaseWithOneCapitalOrANumberAfterItsHyphenIsFound() {
        assertThat(acronyms("Scan after two cycles spares chemotherapy, Heron-H study shows", "", "news"))
                .containsExactly("Heron-H");
        assertThat(acronyms(
                        "T-DXd shrinks brain metastases",
                        "Responses were seen in the single-arm Gravel-3 trial.",
                        "news"))
                .containsExactly("Gravel-3");
        assertThat(acronyms("Zanidatamab doubles pCR over trastuzumab in Egret GEA preprint", "", "news"))
                .containsExactly("Egret-GEA");
        assertThat(acronyms("Covid-19 study of infusion delays", "A Type-2 trial of timing, in Cycle-3.", "journal"))
                .as("a disease, a type and a cycle are no trials")
                .isEmpty();
        assertThat(acronyms("Pyrotinib in HER2-mutant lung cancer: a Europe PMC preprint", "", "journal"))
                .as("a database's record")
                .isEmpty();
    }

    @Test
    void aNumberedNameWrittenWithASpaceIsFoundWhereATitleEndsInItOrBracketsIt() {
        assertThat(acronyms("Investigator Explains Intracranial Activity of T-DXd From GRAVEL 3", "", "news"))
                .containsExactly("GRAVEL-3");
        assertThat(acronyms(
                        "SHR-A1811 versus pyrotinib in pretreated HER2-positive breast cancer (SKYLARK HER2): a"
                                + " randomised, open-label, phase 3 trial",
                        "",
                        "journal"))
                .containsExactly("SKYLARK-HER2");
        assertThat(acronyms("Zanidatamab Shows Benefit in Advanced GEJ", "", "news"))
                .as("a capitalised word and a tumour's initials end a headline")
                .isEmpty();
    }

    @Test
    void aTrialIsFoundByTheSentenceItStandsInWithoutTheWordTrialBesideIt() {
        assertThat(acronyms(
                        "Department of Error",
                        "Zanidatamab with chemotherapy in biliary tract cancer (OSPREY-HB): a multicentre, single-arm,"
                                + " phase 2 trial. Lancet Oncol 2026. In the Results section a number was wrong.",
                        "journal"))
                .as("a notice quoting its paper's title")
                .containsExactly("OSPREY-HB");
        assertThat(acronyms(
                        "Editorial Expression of Concern: Inetetamab with pyrotinib in pretreated disease (MAGPIE-H)",
                        "Concerns have been raised about overlapping patients.",
                        "journal"))
                .as("a title ending in the name in brackets")
                .containsExactly("MAGPIE-H");
        assertThat(acronyms("Less is more", "Comment on LANTERN: the authors discuss the design.", "journal"))
                .containsExactly("LANTERN");
        assertThat(acronyms(
                        "TROP2 drugs beyond HER2",
                        "We review the ADC (LANTERN-B01: PFS 6.9 vs 4.9 months).",
                        "journal"))
                .containsExactly("LANTERN-B01");
        assertThat(acronyms(
                        "Daiichi's ADC extends survival",
                        "The drug improved overall survival in first-line disease in LANTERN-Breast02, it said.",
                        "news"))
                .containsExactly("LANTERN-Breast02");
        assertThat(acronyms(
                        "Pooled data",
                        "We pooled patients from CLEOPATRA and OSPREY, and ranked HARBOR-H2 above (CLEOPATRA, MAGPIE).",
                        "journal"))
                .as("names listed with a trial are trials; a capital word alone (HARBOR-H2 here) is not")
                .containsExactly("CLEOPATRA", "OSPREY", "MAGPIE");
    }

    @Test
    void aTrialDescribedWithoutItsNameIsTheOneTheDescriptionFitsOrThatOfTheDrugNamedFirst() {
        assertThat(acronyms(
                        "Eleven-year outcomes of adding pertuzumab to adjuvant trastuzumab",
                        "Patients were randomly assigned to pertuzumab or placebo in this phase 3 trial.",
                        "journal"))
                .containsExactly("APHINITY");
        assertThat(acronyms(
                        "AstraZeneca's Enhertu beats chemo-immunotherapy in rare lung cancer trial",
                        "The drug slowed progression in untreated patients with HER2-mutated lung cancer.",
                        "news"))
                .containsExactly("DESTINY-Lung04");
        assertThat(acronyms(
                        "HER2 pill tops chemo-immunotherapy in frontline lung cancer",
                        "Zongertinib beat Keytruda plus chemotherapy in the phase 3 test in treatment-naive patients"
                                + " with HER2-mutant lung cancer, where Enhertu's maker has its own ambitions.",
                        "news"))
                .as("two descriptions fit: the drug named first is the subject")
                .containsExactly("Beamion LUNG-2");
    }

    @Test
    void wordsThatOnlyLookLikeTrialNamesAreNoTrials() {
        assertThat(acronyms(
                        "Lung disease with trastuzumab deruxtecan in routine practice",
                        "IMPORTANCE Trial populations may underestimate ILD. OBJECTIVE To estimate its incidence.",
                        "journal"))
                .as("a structured abstract's headings")
                .isEmpty();
        assertThat(acronyms(
                        "Resistance is reversed in JIMT-1 and KPL-4 xenografts",
                        "Growth slowed in JIMT-1 cells treated with the inhibitor.",
                        "journal"))
                .as("numbered cell lines")
                .isEmpty();
        assertThat(acronyms("Unlike DESTINY-Lung02, MAGPIE-2 enrolled only older patients", "", "journal"))
                .as("a trial contrasted with the one reported")
                .containsExactly("MAGPIE-2");
        assertThat(acronyms("Pooled data", "Few had pertuzumab, unlike the population of KATHERINE.", "journal"))
                .isEmpty();
    }

    @Test
    void aTrialNamedOnlyAsBackgroundIsLeftOutButKeptWhenAlsoReported() {
        assertThat(acronyms(
                        "Adjuvant T-DM1 in routine care compared with the KATHERINE population",
                        "Three-year iDFS was close to that reported in KATHERINE.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "How we treat early HER2-positive disease",
                        "Since KATHERINE changed care for residual disease and APHINITY added pertuzumab, we treat "
                                + "by risk.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "A guideline update",
                        "The panel now prefers T-DXd with pertuzumab, citing DESTINY-Breast09, and waits for "
                                + "results before DESTINY-Breast05 data mature.",
                        "news"))
                .isEmpty();
        assertThat(acronyms(
                        "DESTINY-Breast09 overall survival",
                        "Survival in DESTINY-Breast09 exceeded the benefit reported in CLEOPATRA.",
                        "journal"))
                .containsExactly("DESTINY-Breast09");
    }

    @Test
    void aTrialNamedWithoutTheWordTrialIsFoundWhereTheTitleOrTextDrawsItsEvidenceFromIt() {
        assertThat(acronyms(
                        "Pyrotinib versus placebo after adjuvant trastuzumab (HERON-PX): a randomised, double-blind, "
                                + "phase 3 trial",
                        "Disease-free survival was longer with pyrotinib.",
                        "journal"))
                .as("a journal's title naming its trial in brackets before the design")
                .containsExactly("HERON-PX");
        assertThat(acronyms("Second-line ADCs: lessons from KESTREL", "An editor's view.", "journal"))
                .containsExactly("KESTREL");
        assertThat(acronyms(
                        "Diarrhoea with HER2 kinase inhibitors",
                        "We review loperamide prophylaxis and the dose escalation shown in SPARROW.",
                        "journal"))
                .containsExactly("SPARROW");
        assertThat(acronyms(
                        "Survival by HER2 status",
                        "Using data from SEER and findings of COVID-19 registries, we compared cohorts.",
                        "journal"))
                .as("databases and a disease are no trials")
                .isEmpty();
    }

    @Test
    void aTrialNamedAsTheSubjectOfAResultOrOfTheWritersEnrolmentIsFound() {
        assertThat(acronyms(
                        "Half a year of adjuvant therapy may be enough, OSPREY-HB suggests",
                        "Experts cautioned that follow-up is short.",
                        "news"))
                .as("a results verb attached to the name")
                .containsExactly("OSPREY-HB");
        assertThat(acronyms(
                        "Shorter adjuvant treatment",
                        "In the article by the OSPREY-HB investigators, Figure 2 should have read 884.",
                        "journal"))
                .containsExactly("OSPREY-HB");
        assertThat(acronyms(
                        "Pyrotinib beats the pertuzumab regimen",
                        "The company says its HERON-PX phase 3 hit its goal at an interim look.",
                        "news"))
                .containsExactly("HERON-PX");
        assertThat(acronyms("Chemo-free duo holds its own against TCHP in KESTREL-B", "A pCR readout.", "news"))
                .as("a headline's closing setting")
                .containsExactly("KESTREL-B");
        assertThat(acronyms("Why I said yes to KESTREL-B", "My oncologist asked if I'd join a trial.", "patient"))
                .containsExactly("KESTREL-B");
        assertThat(acronyms(
                        "Trastuzumab deruxtecan rechallenge: results from the prospective ReCHALLENGE-X study",
                        "ReCHALLENGE-X (jRCT2031269999) enrolled 64 patients.",
                        "journal"))
                .as("capitals after a short capitalised prefix")
                .containsExactly("ReCHALLENGE-X");
        assertThat(acronyms("A new standard, the NEJM report suggests", "The MHRA data were reviewed.", "news"))
                .as("a journal and a regulator are no trials")
                .isEmpty();
    }

    @Test
    void aRegistryRecordIsNamedBesideItsIdOrBeforeItsStatus() {
        assertThat(acronyms(
                        "ISRCTN48213799: OSPREY-GC - perioperative FLOT-trastuzumab (results summary added)",
                        "Record updated. Overall trial status: Completed.",
                        "registry"))
                .containsExactly("OSPREY-GC");
        assertThat(acronyms(
                        "jRCT2031269999: Study of rechallenge (ReCHALLENGE-X) - status: recruitment completed",
                        "Date of last update 2026-01-14.",
                        "registry"))
                .containsExactly("ReCHALLENGE-X");
        assertThat(trials(
                        "jRCT2031269998 ReCOVER-J: Re-administration of trastuzumab deruxtecan",
                        "Status updated: Recruiting.",
                        "registry",
                        null))
                .as("the name after the id without a colon: one trial")
                .containsExactly(new TrialMention(
                        "jRCT2031269998", "ReCOVER-J", "https://jrct.niph.go.jp/en-latest-detail/jRCT2031269998"));

        assertThat(acronyms(
                        "jRCT2031269997 | Study of rechallenge (ReSTART-J) - results summary registered",
                        "Results summary entered.",
                        "registry"))
                .as("before the update's results")
                .containsExactly("ReSTART-J");
    }

    @Test
    void aTrialThatHadAlreadyWonItsDrugADecisionIsHistory() {
        assertThat(acronyms(
                        "Margetuximab after T-DXd: a retrospective cohort",
                        "Margetuximab was approved on the basis of the SOPHIA trial, before T-DXd moved up.",
                        "preprint"))
                .isEmpty();
        assertThat(acronyms(
                        "Ziihera clears phase 3 bar",
                        "It turns the accelerated nod won on HERIZON-BTC-01 response data into a full approval bid.",
                        "news"))
                .isEmpty();
        assertThat(acronyms(
                        "Pyrotinib in first-line disease",
                        "Analysts note that the PHILA trial already secured a first-line label in China.",
                        "news"))
                .isEmpty();
        assertThat(acronyms(
                        "Six months may be enough",
                        "Patients with residual disease receive T-DM1 under the KATHERINE standard.",
                        "news"))
                .as("the standard a trial set")
                .isEmpty();
    }

    @Test
    void aTrialTheTextTellsAsHistoryOrAsABenchmarkIsLeftOut() {
        assertThat(acronyms(
                        "Extended adjuvant pyrotinib",
                        "After ExteNET established extended adjuvant neratinib, the role of other TKIs was open.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "My months on Kadcyla",
                        "My doctor said that after the KATHERINE trial, Kadcyla became the usual choice.",
                        "patient"))
                .isEmpty();
        assertThat(acronyms(
                        "Margetuximab in a bridging study", "Exposure was comparable to that in SOPHIA.", "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "Neratinib diarrhoea",
                        "Results after ExteNET: diarrhoea fell with dose escalation in the ExteNET cohort.",
                        "journal"))
                .as("named after, but not as what it led to")
                .containsExactly("ExteNET");
        assertThat(acronyms(
                        "Pertuzumab's adjuvant franchise faces a rival",
                        "Perjeta has held the adjuvant market since the APHINITY trial.",
                        "news"))
                .as("a time counted from the trial")
                .isEmpty();
        assertThat(acronyms(
                        "Where does T-DM1 stand now?",
                        "T-DM1, introduced after EMILIA, is still used in later lines.",
                        "journal"))
                .as("a drug's history")
                .isEmpty();
        assertThat(acronyms(
                        "Neratinib and capecitabine in a Korean cohort",
                        "Results confirm the benefit of neratinib plus capecitabine seen in NALA in Asian patients.",
                        "journal"))
                .as("a result the article's own confirms")
                .isEmpty();
    }

    @Test
    void aTrialWhoseWinTheNewsTellsOfIsReported() {
        assertThat(acronyms(
                        "Bayer's lung drug beats chemo-IO up front",
                        "The SWIFT-Lung win positions the drug against its rivals.",
                        "news"))
                .containsExactly("SWIFT-Lung");
    }

    @Test
    void aTrialTheArticleMeasuresAgainstStandsBesideOrExpectsIsBackground() {
        assertThat(acronyms(
                        "PET response guides de-escalation",
                        "Presenting the HERON-H trial, the investigator spoke. Commentators compared the approach with"
                                + " the earlier NeoSphere study.",
                        "news"))
                .containsExactly("HERON-H");
        assertThat(acronyms(
                        "Living guideline: HER2-positive breast cancer",
                        "T-DXd is preferred, based on the HERON-H trial. The former standard established by"
                                + " CLEOPATRA remains an alternative.",
                        "journal"))
                .containsExactly("HERON-H");
        assertThat(acronyms(
                        "T-DXd in HER2-low breast cancer with active brain metastases",
                        "Patients with active brain metastases were excluded from DESTINY-Breast04. GRAVEL-2"
                                + " (NCT07000001) enrolled 68 patients.",
                        "journal"))
                .as("the trial whose exclusions the study fills")
                .doesNotContain("DESTINY-Breast04");
        assertThat(acronyms(
                        "Real-world T-DXd in gastric cancer",
                        "Outside DESTINY-Gastric04, evidence for second-line T-DXd in Asian practice is limited.",
                        "preprint"))
                .isEmpty();
        assertThat(acronyms(
                        "Conditional approval for an oral inhibitor",
                        "The decision is based on the HERON-1 trial. Confirmatory evidence is expected from the Phase"
                                + " III HERON-5 trial.",
                        "news"))
                .containsExactly("HERON-1");
        assertThat(acronyms(
                        "Extended adjuvant neratinib ten years on",
                        "ExteNET showed fewer events. We review the impact of KATHERINE-era treatment on eligibility.",
                        "journal"))
                .as("a trial's era is the time it opened")
                .containsExactly("ExteNET");
    }

    @Test
    void aPapersOnlyNameAndOnlyRegistryIdAreOneTrialThoughASentenceApart() {
        List<TrialMention> found = trials(
                "Neoadjuvant disitamab vedotin in bladder cancer: the phase 2 HERON-UC trial",
                "Objective: to evaluate RC48 before cystectomy. Design: single-arm phase 2 (ChiCTR2500012345).",
                "journal",
                null);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).acronym()).isEqualTo("HERON-UC");
        assertThat(found.get(0).id()).isEqualTo("ChiCTR2500012345");
        assertThat(trials(
                        "HERON-UC and EGRET-UC in bladder cancer",
                        "Two phase 2 trials: the HERON-UC trial and the EGRET-UC trial. One is" + " ChiCTR2500012345.",
                        "journal",
                        null))
                .as("two names and one id: whose it is is not said")
                .hasSize(3);
    }

    @Test
    void aTrialStillToComeIsNotReportedOn() {
        assertThat(acronyms(
                        "Provisional registration of a HER2 inhibitor",
                        "The decision rests on response rates from the PELICAN-2 study, with continued approval "
                                + "dependent on confirmatory data from PELICAN-3.",
                        "regulator"))
                .containsExactly("PELICAN-2");
        assertThat(acronyms(
                        "Durable responses in first-line disease",
                        "Updated data from the SWIFT-01 study were presented today. The ongoing phase 3 SWIFT-02 "
                                + "study compares the drug with chemotherapy.",
                        "news"))
                .containsExactly("SWIFT-01");
        assertThat(acronyms(
                        "Interim look at a phase 3",
                        "Interim results from the ongoing SWIFT-02 study show a response rate of 61%.",
                        "news"))
                .as("results of an ongoing trial report on it")
                .containsExactly("SWIFT-02");
        assertThat(acronyms(
                        "Oral inhibitor approved for untreated HER2-mutant lung cancer",
                        "The decision is based on the SWIFT-01 trial. SWIFT-02, a phase 3 trial versus chemotherapy,"
                                + " is ongoing as the confirmatory study. The first-line SWIFT-03 trial, which is still"
                                + " recruiting, adds chemotherapy.",
                        "news"))
                .as("pending after a description set off by commas, or in a relative clause")
                .containsExactly("SWIFT-01");
        assertThat(acronyms(
                        "No survival gain with tucatinib added to T-DM1 in final HER2CLIMB-02 analysis",
                        "Discussants noted the changed landscape since T-DXd became the standard after SWIFT-01.",
                        "news"))
                .as("the trial that made the standard")
                .containsExactly("HER2CLIMB-02");
    }

    @Test
    void theTrialAnAcceleratedApprovalWaitsOnIsStillToCome() {
        assertThat(acronyms(
                        "Accelerated approval for an oral HER2 inhibitor in lung cancer",
                        "The approval rests on responses in the OSPREY-1 study; continued approval may depend on "
                                + "OSPREY-3. Confirmation of benefit will be sought in OSPREY-4.",
                        "regulator"))
                .containsExactly("OSPREY-1");
        assertThat(acronyms(
                        "First-line cohort supports the oral inhibitor",
                        "Cohort data from OSPREY-1 were presented. A confirmatory phase 3, OSPREY-3, is enrolling.",
                        "news"))
                .as("a name set off by commas before 'is enrolling'")
                .containsExactly("OSPREY-1");
    }

    @Test
    void aTrialTheFindingsEchoIsTheirBenchmark() {
        assertThat(acronyms(
                        "Extended adjuvant neratinib in routine practice: a multicentre cohort",
                        "Invasive disease-free survival at five years was 88%. Findings echo KESTREL-9 with better "
                                + "tolerability.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aTrialThatClosesItsClauseAfterAfterDatesWhatTheTextMeasures() {
        assertThat(acronyms(
                        "Is progression-free survival enough in first-line disease?",
                        "With survival now near six years after CLEOPATRA, crossover clouds the picture.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "Regulator reviews heart risk of T-DXd in early breast cancer",
                        "The committee will assess reports as T-DXd moves into early disease after DESTINY-Breast05 "
                                + "and DESTINY-Breast11.",
                        "news"))
                .isEmpty();
        assertThat(acronyms(
                        "Pertuzumab approved after the PIPIT-3 trial",
                        "The label follows PIPIT-3, where survival improved.",
                        "news"))
                .as("a headline's 'after NAME' is as often the readout it follows")
                .containsExactly("PIPIT-3");
        assertThat(acronyms(
                        "Survival update",
                        "Patients lived longer after the PIPIT-3 trial randomised them to pertuzumab.",
                        "news"))
                .as("a trial that goes on in its clause is not what the time is counted from")
                .containsExactly("PIPIT-3");
    }

    @Test
    void aTrialSetBesideTheArticlesOwnIsBackground() {
        assertThat(acronyms(
                        "Q&A: an investigator on DESTINY-Breast09",
                        "We asked a DESTINY-Breast09 investigator how the findings sit beside HER2CLIMB-05 maintenance"
                                + " data.",
                        "news"))
                .containsExactly("DESTINY-Breast09");
    }

    @Test
    void aCooperativeGroupOrAMinistryInCapitalsIsNoTrial() {
        assertThat(acronyms(
                        "EORTC: shorter course keeps efficacy in HALCYON-2",
                        "The HALCYON-2 trial compared three with six months of therapy.",
                        "news"))
                .containsExactly("HALCYON-2");
        assertThat(acronyms(
                        "Approval of an antibody for HER2-positive gastric cancer (MHLW)",
                        "The ministry approved the antibody on the basis of the HALCYON-2 trial.",
                        "regulator"))
                .containsExactly("HALCYON-2");
    }

    @Test
    void aNameWhoseSecondPartIsALetterIsATrialAResultIsPlacedIn() {
        assertThat(acronyms(
                        "De-escalation before surgery: open questions",
                        "We question the margin used in HALCYON-B and the lack of central review.",
                        "journal"))
                .containsExactly("HALCYON-B");
        assertThat(acronyms(
                        "Responses in HER2-low disease", "Activity was seen in JIMT-1 cells and in BT-474.", "journal"))
                .as("a cell line is no trial")
                .isEmpty();
    }

    @Test
    void aNameWithItsLetterWrittenAfterASpaceIsTheHyphenatedName() {
        assertThat(acronyms(
                        "Adding immunotherapy to an ADC: signal or noise?",
                        "Invited Commentary on HALCYON B: the modest response gain leaves the question open.",
                        "journal"))
                .containsExactly("HALCYON-B");
        assertThat(acronyms(
                        "Swapping antibodies before surgery",
                        "Comment. The HALCYON B findings show pCR is achievable without pertuzumab.",
                        "journal"))
                .containsExactly("HALCYON-B");
        assertThat(acronyms("Dose escalation", "PART A: dose escalation of the ADC in 40 patients.", "journal"))
                .as("a trial's part named by a letter")
                .isEmpty();
    }

    @Test
    void aHeadlinesOpeningNameMayFollowTheSponsorsNameInItsOwnScript() {
        assertThat(acronyms("拜耳 HALCYON: the oral inhibitor wins in brain metastases", "Asian data.", "news"))
                .containsExactly("HALCYON");
    }

    @Test
    void aMixedCaseNameWithSeveralCapitalsInsideIsReadInAList() {
        assertThat(acronyms(
                        "Subcutaneous dual blockade in men: pooled data from APHINITY and HaLcyOn",
                        "41 male patients pooled.",
                        "journal"))
                .containsExactly("APHINITY", "HaLcyOn");
    }

    @Test
    void aTrialAnExplainerTellsTheMeaningOfIsItsSubject() {
        assertThat(acronyms(
                        "Dose study: what HALCYON-2 could mean if you are on Enhertu",
                        "The trial found a lower dose worked as well.",
                        "news"))
                .containsExactly("HALCYON-2");
        assertThat(acronyms("What HALCYON-2 means for you", "A lower dose worked as well.", "news"))
                .containsExactly("HALCYON-2");
    }

    @Test
    void aCongressPreviewReportsOnNoneOfTheTrialsItNames() {
        assertThat(acronyms(
                        "Preview: what to watch in HER2 at the winter congress",
                        "Late-breaking abstracts are expected from DESTINY-Breast09 and the HALCYON-2 trial.",
                        "news"))
                .isEmpty();
        assertThat(acronyms(
                        "Winter congress: what to expect from the HER2 late-breakers",
                        "DESTINY-Breast09 overall survival headlines the session.",
                        "news"))
                .isEmpty();
        assertThat(acronyms(
                        "DESTINY-Breast09 overall survival presented at the winter congress",
                        "The HALCYON-2 trial was also presented.",
                        "news"))
                .as("a report of readouts")
                .containsExactly("DESTINY-Breast09", "HALCYON-2");
    }

    @Test
    void theTrialsOfASeriesListedByTheirNumbersAloneAreTrialsToo() {
        assertThat(acronyms(
                        "Cardiac safety of T-DXd: a pooled analysis of DESTINY-Breast05 and -11",
                        "Left ventricular dysfunction was rare in both trials.",
                        "journal"))
                .containsExactlyInAnyOrder("DESTINY-Breast05", "DESTINY-Breast11");
        assertThat(trials("Pooled analysis of DESTINY-Breast05 and -11", "Cardiac events were rare.", "journal", null))
                .as("a curated trial of the series keeps its registry id")
                .extracting(TrialMention::id)
                .containsExactlyInAnyOrder("NCT04622319", "NCT05113251");
        assertThat(acronyms(
                        "Long-term follow-up of KESTREL-01, 03 and 07",
                        "The KESTREL-01 trial and its two successors enrolled 610 patients on tucatinib.",
                        "journal"))
                .as("an uncatalogued series, its numbers written as wide as the first's")
                .containsExactlyInAnyOrder("KESTREL-01", "KESTREL-03", "KESTREL-07");
        assertThat(acronyms(
                        "Updated results of the KESTREL-2 trial",
                        "In KESTREL-2, 12 months of tucatinib were given at KESTREL-2 and 40 sites in Europe.",
                        "journal"))
                .as("numbers that close no list are no series")
                .containsExactly("KESTREL-2");
        assertThat(acronyms(
                        "Ongoing trials such as DESTINY-Breast05 and -11 will tell",
                        "Trastuzumab deruxtecan in early disease awaits their data.",
                        "news"))
                .as("a series whose first trial is pending is pending too")
                .isEmpty();
    }

    @Test
    void aRegistryTitleNamesItsTrialAfterItsIdOrItsUpdateWordAndBeforeAnyDash() {
        assertThat(acronyms(
                        "ISRCTN12345678: KINGLET-HER2 — three versus nine weeks of trastuzumab before surgery",
                        "Pragmatic trial in 30 hospitals. Recruitment status: Recruiting.",
                        "registry"))
                .containsExactly("KINGLET-HER2");
        assertThat(acronyms(
                        "ISRCTN update: KINGLET-HER2m - recruitment complete",
                        "ISRCTN12345678 closed to recruitment with 800 participants.",
                        "registry"))
                .containsExactly("KINGLET-HER2m");
    }

    @Test
    void aNameTheTextAnalysesOrDiscussesAsAPaperIsATrial() {
        assertThat(acronyms(
                        "Interim analysis of WAXWING-J: pertuzumab retreatment after cardiac dysfunction",
                        "Of 52 patients retreated, 6 had a further decline in ejection fraction.",
                        "journal"))
                .containsExactly("WAXWING-J");
        assertThat(acronyms(
                        "Neratinib in HER2-positive gastric cancer: long-term outcomes of GANNET cohort B",
                        "Median OS was 14.1 months.",
                        "preprint"))
                .containsExactly("GANNET");
        assertThat(acronyms(
                        "Journal Club: is subcutaneous pertuzumab enough?",
                        "Three fellows dissect the PLOVER-H paper and its crossover rate.",
                        "news"))
                .containsExactly("PLOVER-H");
        assertThat(acronyms(
                        "Biotech starts dosing in its subcutaneous zanidatamab study",
                        "First patient dosed in TERNLET-SC, a phase 1b/2 study of a subcutaneous formulation.",
                        "news"))
                .containsExactly("TERNLET-SC");
    }

    @Test
    void anEsmoAbstractsNumberWithItsKindOfPresentationOpensItsTitleBeforeTheName() {
        assertThat(acronyms(
                        "287MO GODWIT-2: pertuzumab rechallenge in HER2-positive metastatic breast cancer",
                        "Patients were randomised to pertuzumab or not. PFS 7.0 vs 5.2 months.",
                        "journal"))
                .containsExactly("GODWIT-2");
    }

    @Test
    void aCongressAbstractsTitleNamesTheTrialAfterTheAbstractsNumber() {
        assertThat(acronyms(
                        "PD3-11: HALCYON-B - response-adapted omission of chemotherapy in HR+/HER2+ disease",
                        "Among 280 patients, 3-year iDFS was 93%.",
                        "journal"))
                .containsExactly("HALCYON-B");
        assertThat(acronyms(
                        "LBA7: Zanidatamab plus chemotherapy in untreated gastric cancer",
                        "Overall survival improved.",
                        "journal"))
                .as("a title opening with a drug after the number names no trial")
                .isEmpty();
    }

    @Test
    void aDrugsBrandInCapitalsIsNoTrial() {
        assertThat(acronyms(
                        "Roche's KADCYLA shows lasting benefit in the REEF-1 study",
                        "Follow-up of the REEF-1 study was presented.",
                        "news"))
                .containsExactly("REEF-1");
    }

    @Test
    void oneTrialsIdsInTwoRegistriesWrittenInOneBracketAreOneTrial() {
        assertThat(trials(
                        "A phase 3 trial",
                        "Patients were randomised (NCT07000011; EudraCT 2022-001234-56).",
                        "journal",
                        null))
                .extracting(TrialMention::id)
                .containsExactly("NCT07000011");
        assertThat(trials("A pooled analysis", "Two trials (NCT07000011, NCT07000012) were pooled.", "journal", null))
                .extracting(TrialMention::id)
                .as("two ids of one registry are two trials")
                .containsExactly("NCT07000011", "NCT07000012");
    }

    @Test
    void registryIdsAreFoundAsWritten() {
        assertThat(trials("Trastuzumab trial", "Registered as NCT 0123 4567 and NCT-07654321.", "journal", null))
                .extracting(TrialMention::id)
                .containsExactly("NCT01234567", "NCT07654321");
    }

    @Test
    void aRegistryRecordIsTheOneTrialItRegistersWithItsOwnLinkAndName() {
        List<TrialMention> found = trials(
                "OSPREY-HB: Zanidatamab Before Surgery in HER2-positive Gastric Cancer",
                "Other IDs: 2025-512345-10-00 (EU CT number). Status: Recruiting.",
                "registry",
                "https://clinicaltrials.gov/study/NCT07000001");
        assertThat(found)
                .containsExactly(
                        new TrialMention("NCT07000001", "OSPREY-HB", "https://clinicaltrials.gov/study/NCT07000001"));
        assertThat(trials("Pyrotinib in brain metastases", "Phase 2.", "registry", "https://example.org/NCT07000002"))
                .extracting(TrialMention::id)
                .containsExactly("NCT07000002");
        assertThat(trials("Pyrotinib in brain metastases", "Phase 2.", "journal", "https://example.org/NCT07000002"))
                .as("only a registry record is named by its link")
                .isEmpty();
    }

    @Test
    void aNameWithTheRegistryIdBesideItIsOneTrialWithTheIdAsWritten() {
        assertThat(trials(
                        "Zanidatamab before surgery",
                        "OSPREY-HB (NCT07000001) enrolled 90 patients; DESTINY-Breast09 (NCT07000002) is ongoing "
                                + "elsewhere, and NCT07000003 (HERON-7) completed.",
                        "news",
                        null))
                .containsExactlyInAnyOrder(
                        new TrialMention(
                                "NCT07000002", "DESTINY-Breast09", "https://clinicaltrials.gov/study/NCT07000002"),
                        new TrialMention("NCT07000001", "OSPREY-HB", "https://clinicaltrials.gov/study/NCT07000001"),
                        new TrialMention("NCT07000003", "HERON-7", "https://clinicaltrials.gov/study/NCT07000003"));
        assertThat(acronyms("First look at the DESTINY-Lung07 study", "Phase 3, HER2-mutant NSCLC.", "news"))
                .as("a family name with a numbered part")
                .containsExactly("DESTINY-Lung07");
    }

    @Test
    void aCuratedTrialTheTextDescribesWithoutNamingItIsImpliedByItsDrugsComparatorAndSetting() {
        assertThat(acronyms(
                        "Eight-year survival with trastuzumab deruxtecan vs trastuzumab emtansine",
                        "Research Letter. Updated overall survival from the randomized phase 3 trial in patients with"
                                + " metastatic breast cancer previously treated with trastuzumab and a taxane.",
                        "journal"))
                .containsExactly("DESTINY-Breast03");
        assertThat(acronyms(
                        "What the new Enhertu approval means for you",
                        "If cancer was left behind after treatment before surgery, you may have had Kadcyla. We explain"
                                + " how the two medicines compared in the study that led to the approval.",
                        "news"))
                .as("residual disease in a patient organisation's words")
                .containsExactly("DESTINY-Breast05");
        assertThat(acronyms(
                        "T-DXd's survival edge persists in previously treated gastric cancer",
                        "The advantage of trastuzumab deruxtecan over ramucirumab plus paclitaxel was kept at the "
                                + "final analysis of the randomized phase 3 trial.",
                        "news"))
                .containsExactly("DESTINY-Gastric04");
        assertThat(acronyms(
                        "Ziihera clears phase 3 bar in frontline biliary cancer",
                        "Zanidatamab beat the first-line standard, turning the accelerated nod won on HERIZON-BTC-01 "
                                + "response data into a full approval bid.",
                        "news"))
                .as("a trial named as history is not the one described")
                .containsExactly("HERIZON-BTC-302");
        assertThat(acronyms(
                        "FDA clears Enhertu plus Perjeta for first-line disease",
                        "The decision puts pressure on the taxane-Herceptin-Perjeta standard.",
                        "news"))
                .as("news of a label names the drugs and setting but describes no trial")
                .isEmpty();
        assertThat(acronyms(
                        "Enhertu edges out Kadcyla after surgery with FDA nod",
                        "Kadcyla has led the residual-disease setting since the KATHERINE trial; the FDA has now "
                                + "cleared Enhertu for it.",
                        "news"))
                .as("the trial word of a trial named as background describes no other")
                .isEmpty();
        assertThat(acronyms(
                        "T-DXd with pertuzumab approved for first-line HER2-positive breast cancer",
                        "In the main study, the combination delayed progression compared with standard treatment.",
                        "regulator"))
                .as("the first-line standard named as such")
                .containsExactly("DESTINY-Breast09");
        assertThat(acronyms(
                        "Low PD-L1 tumours still gain from the bispecific triplet in first-line gastric cancer",
                        "Subgroup data show zanidatamab with chemotherapy helps whatever the PD-L1 score, though "
                                + "the checkpoint inhibitor adds less when it is low.",
                        "news"))
                .as("a subgroup of a trial, described by its design's checkpoint inhibitor")
                .containsExactly("HERIZON-GEA-01");
        assertThat(acronyms(
                        "Should T-DXd replace T-DM1 for residual disease?",
                        "Two oncologists debate adjuvant T-DXd in a trial setting before DESTINY-Breast05 data mature.",
                        "news"))
                .as("the trial it names as pending is not one it describes")
                .isEmpty();
        assertThat(acronyms(
                        "Trastuzumab deruxtecan over ramucirumab in gastric cancer: a systematic review of trials",
                        "We pooled randomised trials.",
                        "journal"))
                .as("a review describes trials as background")
                .isEmpty();
    }

    @Test
    void aPatientsStoryReportsOnATrialItsTitleNamesOrWhoseResultItTellsOf() {
        assertThat(acronyms(
                        "My story: I asked whether six months would have been enough",
                        "When the OSPREY-HB results came out saying six months did as well as twelve, I felt relief.",
                        "patient"))
                .containsExactly("OSPREY-HB");
        assertThat(acronyms(
                        "My story: a year of Herceptin",
                        "My oncologist mentioned the OSPREY-HB trial, but I finished the full year.",
                        "patient"))
                .as("a trial named in passing")
                .isEmpty();
        assertThat(acronyms(
                        "Choosing my treatment after surgery",
                        "My plan changed after the OSPREY-HB study came out.",
                        "patient"))
                .as("a trial's publication is its result")
                .containsExactly("OSPREY-HB");
    }

    @Test
    void aTwoWordNameTypedWithASpaceIsReadWhereTheSentenceCallsItAStudyOrGivesItsData() {
        assertThat(acronyms(
                        "Bispecific doublet shrinks biliary tumours",
                        "In the Kestrel BTC phase II study, responses lasted a median of nine months.",
                        "news"))
                .as("as its sponsor writes it, so both spellings are one trial")
                .containsExactly("Kestrel-BTC");
        assertThat(acronyms(
                        "Brain metastases respond to a HER2 TKI",
                        "Clinicians said the OSPREY Brain data justify deferring radiotherapy.",
                        "news"))
                .containsExactly("OSPREY-Brain");
        assertThat(acronyms(
                        "Conjugate update from Berlin",
                        "Speakers at ESMO Breast data sessions compared conjugates; the European HARBOR study was"
                                + " mentioned.",
                        "news"))
                .as("a congress, and an adjective before a name in capitals")
                .doesNotContain("ESMO-Breast", "European-HARBOR");
    }

    @Test
    void aNameRetypedInMixedCaseIsReadWhereACapitalsNameWouldBe() {
        assertThat(acronyms(
                        "ADC alone beats chemotherapy before surgery",
                        "More patients had a complete response in the randomized NeoHaven trial, investigators said.",
                        "news"))
                .containsExactly("NeoHaven");
        assertThat(acronyms(
                        "A kinase inhibitor and a conjugate for the brain",
                        "The Harrier-HER2 investigators saw intracranial responses in most patients.",
                        "news"))
                .containsExactly("Harrier-HER2");
        assertThat(acronyms(
                        "Conjugate chemistry in context",
                        "Speaking to OncWire, the study chair said Anti-HER2 therapy shows no new signal.",
                        "news"))
                .as("an outlet set apart by a comma, and a prefix")
                .isEmpty();
    }

    @Test
    void aHeadlineOpeningWithANameAndAColonReportsOnIt() {
        assertThat(acronyms("Plover-BC: neratinib after T-DM1 looks tolerable", "A single-arm study.", "news"))
                .containsExactly("Plover-BC");
        assertThat(acronyms("HERON GC: T-DXd doubles responses before surgery", "Surgeons react.", "news"))
                .as("a two-word name typed with a space")
                .containsExactly("HERON-GC");
        assertThat(acronyms("BREAKING: FDA clears zongertinib", "A decision on lung cancer.", "news"))
                .isEmpty();
        assertThat(acronyms("Beyond HER2: TROP2 conjugates in breast cancer", "A review.", "journal"))
                .isEmpty();
    }

    @Test
    void aNameIsReadAfterTheWordForATrialInLanguagesThatPutItFirst() {
        assertThat(acronyms(
                        "Cancer du sein HER2+ : l'essai Stillwater conforte une désescalade",
                        "Selon les premiers résultats de l'essai Stillwater, le T-DM1 seul fait aussi bien.",
                        "news"))
                .containsExactly("Stillwater");
        assertThat(acronyms(
                        "El ensayo FALCON HER de un grupo cooperativo evita la quimioterapia",
                        "El ensayo alcanzó el objetivo principal.",
                        "news"))
                .containsExactly("FALCON-HER");
        assertThat(acronyms("Un estudio Multicéntrico en Madrid", "Pacientes con cáncer de mama.", "news"))
                .as("a capitalised adjective is read whole, and is no trial's name of capitals")
                .doesNotContain("Multic");
    }

    @Test
    void aSpacedNameWithANumberOrATumourSiteIsReadWhereItIsCalledAStudy() {
        assertThat(acronyms("Neratinib plus T-DXd", "Half responded in the phase 2 PLOVER 2 trial.", "news"))
                .containsExactly("PLOVER-2");
        assertThat(acronyms("Chemo added to a HER2 pill pays off in Harrier Lung study", "A phase 2 trial.", "news"))
                .containsExactly("Harrier-Lung");
        assertThat(acronyms("Toxicity by CTCAE", "Events of GRADE 3 data were rare in the study.", "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "Survival benefit with zanidatamab confirmed at final analysis",
                        "Final OS data from HERIZON-GEA-01 were presented; Median PFS results were unchanged.",
                        "news"))
                .as("an endpoint's initials after a capitalised word are no name's second part")
                .containsExactly("HERIZON-GEA-01");
    }

    @Test
    void aCaseReportReportsOnNoTrial() {
        assertThat(acronyms(
                        "Complete response to T-DXd in a patient treated in DESTINY-Breast12: a case report",
                        "A 47-year-old woman with brain metastases had a lasting response.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aTwoWordNameWithItsSecondWordCutToItsInitialIsTheCuratedTrialOnce() {
        assertThat(acronyms(
                        "DESTINY-B09: first-line doublet holds its survival gain",
                        "Overall survival in the DESTINY-B09 study favoured the doublet.",
                        "news"))
                .containsExactly("DESTINY-Breast09");
        assertThat(acronyms("Destiny b9 briefing", "Notes from the session.", "news"))
                .as("the initial in capitals only")
                .isEmpty();
    }

    @Test
    void aNameBeforeItsDesignOrBeforeATitleCaseResultsWordIsATrial() {
        assertThat(acronyms(
                        "Nine vs 12 Months of Adjuvant Trastuzumab in Older Patients: The WAGTAIL-H2"
                                + " Randomized Clinical Trial",
                        "Importance: Older patients may be overtreated. Results: 3-year iDFS 95.0% vs 95.4%.",
                        "journal"))
                .containsExactly("WAGTAIL-H2");
        assertThat(acronyms(
                        "An Investigator Discusses PLOVER-Lung Results With Zongertinib",
                        "In this interview, an investigator explains the intracranial response data.",
                        "news"))
                .containsExactly("PLOVER-Lung");
    }

    @Test
    void aTrialThatEvidenceWillComeFromOrThatIsListedAmongOngoingTrialsIsPending() {
        assertThat(acronyms(
                        "Zongertinib wins a conditional approval in Korea",
                        "The decision rests on the SPARROW-7 study data. Confirmatory evidence will come from the "
                                + "SPARROW-9 trial, which compares zongertinib with chemotherapy.",
                        "news"))
                .containsExactly("SPARROW-7");
        assertThat(acronyms(
                        "HER2-mutant lung cancer in 2026: a review",
                        "We review the SPARROW-7 study (ORR 70%) and discuss ongoing first-line trials including "
                                + "the SPARROW-9 study.",
                        "journal"))
                .containsExactly("SPARROW-7");
    }

    @Test
    void aTrialPendingOrAwaitedBeforeItsNameIsBackground() {
        assertThat(acronyms(
                        "Zanidatamab in HER2-positive biliary tract cancer (HERIZON-BTC-01): final overall survival",
                        "INTERPRETATION: Long-term survival supports zanidatamab, pending HERIZON-BTC-302.",
                        "journal"))
                .containsExactly("HERIZON-BTC-01");
    }

    @Test
    void theLungAsATumourSiteImpliesALungTrialButTheLungToxicityOfAnotherSiteDoesNot() {
        String stomach = "Giving Enhertu instead of Herceptin as part of first-line chemotherapy extended survival in"
                + " HER2-positive stomach cancer, according to a phase 3 study. Lung inflammation remains the worry.";
        assertThat(acronyms("Enhertu beats Herceptin-chemo in HER2 stomach cancer", stomach, "news"))
                .doesNotContain("DESTINY-Lung04");
        assertThat(acronyms(
                        "Enhertu beats chemotherapy as first treatment for HER2-mutant lung cancer",
                        "Trastuzumab deruxtecan given first-line extended progression-free survival in HER2-mutant"
                                + " non-small cell lung cancer in a randomised phase 3 trial.",
                        "news"))
                .containsExactly("DESTINY-Lung04");
    }

    @Test
    void aCongressTitleEndingInTheAnalysisOfASpacedNameNamesThatTrialButNotTheWordTrial() {
        assertThat(acronyms(
                        "OA14.03 Sevabertinib in HER2-Mutant NSCLC With Brain Metastases: Primary Analysis of"
                                + " PLOVER Lung",
                        "Methods: Phase II, single arm. Results: intracranial ORR 58%.",
                        "journal"))
                .containsExactly("PLOVER-Lung");
        assertThat(acronyms(
                        "Adjuvant T-DM1 in residual disease: Final Results of the KATHERINE Trial",
                        "Overall survival was longer with T-DM1.",
                        "journal"))
                .containsExactly("KATHERINE");
    }

    @Test
    void aNameOpeningAClauseToldInParallelWithATrialsIsATrial() {
        assertThat(acronyms(
                        "Less is more: de-escalation in HER2-positive early breast cancer",
                        "This Editorial reflects on two readouts. In HARBOR-H2, six months of treatment was"
                                + " non-inferior to a year, and in MAGPIE, trastuzumab alone was non-inferior for older"
                                + " women.",
                        "journal"))
                .containsExactlyInAnyOrder("HARBOR-H2", "MAGPIE");
        assertThat(acronyms(
                        "Chemotherapy de-escalation in older women",
                        "In MAGPIE, trastuzumab alone was non-inferior for older women.",
                        "journal"))
                .as("one clause alone, beside no trial")
                .isEmpty();
    }

    @Test
    void aNameBeforeADesignAndAPhaseInAJournalTitleIsATrial() {
        assertThat(acronyms(
                        "Pyrotinib in HER2-Mutant Cholangiocarcinoma: The PETREL-HB Multicenter Phase II Trial",
                        "Patients received pyrotinib 400 mg daily. ORR was 31%.",
                        "journal"))
                .containsExactly("PETREL-HB");
    }

    @Test
    void twoNamesTheTextCallsTrialsTogetherAreBothTrials() {
        assertThat(acronyms(
                        "Shorter adjuvant trastuzumab: guideline update",
                        "The panel recommends 6 months for lower-risk patients, drawing on the GANNET and OSPREY-HB"
                                + " trials, in which shorter treatment was non-inferior.",
                        "regulator"))
                .containsExactlyInAnyOrder("GANNET", "OSPREY-HB");
    }

    @Test
    void aTrialTheTextsFigureIsSimilarToIsABenchmark() {
        assertThat(acronyms(
                        "Neratinib after adjuvant trastuzumab in a regional registry",
                        "Among 512 patients, five-year iDFS was 88.1%, similar to ExteNET. Diarrhoea led to stopping.",
                        "preprint"))
                .isEmpty();
    }

    @Test
    void aTrialWhoseDesignTheReportedTrialMirrorsIsBackground() {
        assertThat(acronyms(
                        "New HER2 ADC outperforms T-DM1 in Korean phase 3",
                        "The OSPREY-HB trial met its primary endpoint, mirroring the design of DESTINY-Breast03 in"
                                + " the same second-line setting.",
                        "news"))
                .containsExactly("OSPREY-HB");
    }

    @Test
    void aTrialTheTextReferencesIsBackground() {
        assertThat(acronyms(
                        "Home-administered subcutaneous trastuzumab: a budget impact model",
                        "The model referenced the FeDeriCa trial for equivalence of the two routes.",
                        "preprint"))
                .isEmpty();
    }

    @Test
    void trialsNamedForTheirDefinitionsAreBackground() {
        assertThat(acronyms(
                        "HER2-low scoring in gastric biopsies: a consensus statement",
                        "Eligibility for antibody-drug conjugates follows the DESTINY-Breast04 and DESTINY-Breast06"
                                + " definitions of low and ultralow expression.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void twoTrialsWhoseHistoryOneClauseOpenedByAfterTellsAreBackground() {
        assertThat(acronyms(
                        "Adjuvant therapy for HER2-positive disease: a narrative review",
                        "After KATHERINE established T-DM1 for residual disease and APHINITY defined a role for dual"
                                + " blockade, attention turned to shorter regimens.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aCuratedOneWordNameWrittenAsAnOrdinaryWordIsNoTrial() {
        assertThat(acronyms(
                        "Emilia's notebook: a winter on Kadcyla",
                        "I'm Emilia, and my neighbour Cleopatra drove me to every infusion.",
                        "patient"))
                .as("a person's name in title case")
                .isEmpty();
        assertThat(acronyms(
                        "Tryphaena Diagnostics launches a HER2 scoring app",
                        "The company's software flags HER2-low slides for review.",
                        "news"))
                .as("a company named like a trial")
                .isEmpty();
        assertThat(acronyms("Looking back on Cleopatra", "The Cleopatra trial set first-line practice.", "news"))
                .as("called a trial, the name is the trial's however it is cased")
                .containsExactly("CLEOPATRA");
        assertThat(acronyms("Final EMILIA survival data", "Overall survival favoured T-DM1.", "journal"))
                .containsExactly("EMILIA");
    }

    @Test
    void aTrialTheResultIsConsistentWithOrOverlapsIsBackground() {
        assertThat(acronyms(
                        "Oral HER2 doublet for brain metastases (Editorial)",
                        "The intracranial benefit seen in KESTREL-9 is consistent with HER2CLIMB and TUXEDO-1.",
                        "journal"))
                .containsExactly("KESTREL-9");
        assertThat(acronyms(
                        "Congress news: ADC after CDK4/6 inhibitors",
                        "The PIPER-4 investigators reported longer PFS; the discussant noted overlap with"
                                + " DESTINY-Breast06.",
                        "news"))
                .containsExactly("PIPER-4");
    }

    @Test
    void aTrialNamedForItsScoringCriteriaIsBackground() {
        assertThat(acronyms(
                        "HER2 scoring in bladder cancer: a consensus of pathologists",
                        "Panel members agreed nine statements, informed by the DESTINY-PanTumor02 scoring criteria.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aCohortNamedInBracketsAtTheEndOfATitleIsNoTrial() {
        assertThat(acronyms(
                        "Trastuzumab biosimilar switching in routine care: a Nordic registry (NORDHER)",
                        "Among 2,310 patients, switching did not change the rate of cardiac events.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "Subcutaneous trastuzumab at home: a randomised crossover trial (HOMEBASE)",
                        "Patients preferred home administration.",
                        "journal"))
                .as("a trial's name in brackets is still read")
                .containsExactly("HOMEBASE");
    }

    @Test
    void anEditorialOnANamedTrialReportsOnIt() {
        assertThat(acronyms(
                        "Shorter is sometimes better (Editorial)",
                        "Editorial on the WAGTAIL-3 final analysis of six versus twelve months of trastuzumab.",
                        "journal"))
                .containsExactly("WAGTAIL-3");
    }

    @Test
    void resultsFromANumberedNameWrittenWithASpaceNameTheWholeTrial() {
        assertThat(acronyms(
                        "Antibody misses in pretreated gastric cancer",
                        "Final results from GANNET 3 show no survival gain over continued trastuzumab.",
                        "news"))
                .containsExactly("GANNET-3");
    }

    @Test
    void aQuotedTitleThatOpensWithTheTrialsNameNamesIt() {
        assertThat(acronyms(
                        "Erratum: corrected hazard ratio",
                        "An error appeared in the abstract 'BRAMBLE: neoadjuvant T-DXd versus TCHP'. The figure has"
                                + " been updated.",
                        "journal"))
                .containsExactly("BRAMBLE");
    }

    @Test
    void aTrialsParticipantsOrARelativeClauseOfItsResultNameTheTrialReported() {
        assertThat(acronyms(
                        "Letter: does this apply to my patients?",
                        "Few OSPREY-HB participants had received T-DXd before, so the findings may not transfer.",
                        "journal"))
                .containsExactly("OSPREY-HB");
        assertThat(acronyms(
                        "New first-line option approved in Korea",
                        "The decision is supported by CRANE-G, which met its overall survival endpoint.",
                        "news"))
                .containsExactly("CRANE-G");
    }

    @Test
    void aTrialThatLeftTheQuestionUnresolvedIsBackground() {
        assertThat(acronyms(
                        "Fc-engineered antibody gets a second look",
                        "Carriers of the low-affinity allele did better on the new antibody in GANNET-2, reviving a"
                                + " hypothesis left unresolved by SOPHIA.",
                        "news"))
                .containsExactly("GANNET-2");
    }

    @Test
    void theSecondOfTwoPendingTrialsIsPendingToo() {
        assertThat(acronyms(
                        "Brief commentary: oral TKIs before immunotherapy?",
                        "Pending KESTREL-Lung and the HERON-4 trial, we would offer such drugs only within studies.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aResultSeenInATrialThatTheArticleConfirmsIsBackground() {
        assertThat(acronyms(
                        "WREN-2: genotype-selected antibody in a randomised phase 2 trial",
                        "WREN-2 randomised 180 patients. The benefit seen in SOPHIA subgroup analyses was largely"
                                + " confirmed.",
                        "journal"))
                .containsExactly("WREN-2");
    }

    @Test
    void aTrialBehindAnEarlierApprovalTheNewsFollowsIsBackground() {
        assertThat(acronyms(
                        "First patient dosed in phase 3 trial of oral HER2 inhibitor",
                        "The OSPREY-Lung trial follows accelerated approvals based on SOHO-01 in pretreated disease.",
                        "news"))
                .containsExactly("OSPREY-Lung");
    }

    @Test
    void twoCapitalisedWordsJoinedByAHyphenThatTheTextCallsTheTrialAreItsName() {
        assertThat(acronyms(
                        "Low expressers respond too",
                        "Responses were seen in HER2-ultralow disease, according to the Solstrand-Vest trial"
                                + " presented in Vienna.",
                        "news"))
                .containsExactly("Solstrand-Vest");
        assertThat(acronyms(
                        "Trastuzumab in Older Women: A Multicentre Real-World Study",
                        "Outcomes in 400 women over 75.",
                        "journal"))
                .as("a title's design words are no name")
                .isEmpty();
    }

    @Test
    void aWordWithCapitalsAroundSmallLettersIsAMixedCaseNameButAnAbbreviationIsNot() {
        assertThat(acronyms(
                        "Home administration of a fixed-dose antibody authorised",
                        "The label change is based on data from PReferHOme and an observational study.",
                        "regulator"))
                .containsExactly("PReferHOme");
        assertThat(acronyms(
                        "Quality of life with a new regimen",
                        "Data from HRQoL questionnaires and TCbHP dosing records were pooled.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aDrugApprovedOnTheBasisOfATrialInThePatientsHistoryIsBackground() {
        assertThat(acronyms(
                        "Oral TKI after ADCs: two-year results of KESTREL-Lung",
                        "Among patients who had received ADCs, including T-DXd approved on the basis of"
                                + " DESTINY-Lung02, ORR was 44%.",
                        "journal"))
                .containsExactly("KESTREL-Lung");
        assertThat(acronyms("Enhertu approved on the basis of DESTINY-Breast09", "", "news"))
                .as("in a title, the decision reported")
                .containsExactly("DESTINY-Breast09");
    }

    @Test
    void aTrialTheWriterWasInIsNoBenchmarkAsInAnother() {
        assertThat(acronyms(
                        "Two years on the PEREGRINE-7 trial",
                        "I was in the PEREGRINE-7 trial and my scans have stayed clear since.",
                        "news"))
                .containsExactly("PEREGRINE-7");
        assertThat(acronyms(
                        "KITE-3: maintenance after induction",
                        "KITE-3 met its endpoint; hazard ratios were lower than expected, as in SOPHIA.",
                        "journal"))
                .as("a benchmark still")
                .containsExactly("KITE-3");
    }

    @Test
    void aNoticeTitleThatOpensWithTheTrialsNameAfterItsLabelNamesIt() {
        assertThat(acronyms(
                        "Abstract withdrawn: HALCYON-4 - Phase II study of an oral HER2 inhibitor in bile duct cancer",
                        "The authors withdrew this abstract before the meeting.",
                        "journal"))
                .containsExactly("HALCYON-4");
        assertThat(acronyms(
                        "Correction: TIDELINE: de-escalated trastuzumab in older women",
                        "A dosing table was wrong.",
                        "journal"))
                .containsExactly("TIDELINE");
    }

    @Test
    void aTrialCarryingWeightInAPooledEstimateIsBackground() {
        assertThat(acronyms(
                        "Diarrhoea with oral HER2 inhibitors: a meta-analysis of randomised trials",
                        "Fourteen trials were pooled. NALA and ExteNET contributed the most weight to the estimate.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "Heart safety of antibody pairs: a pooled analysis",
                        "Nine trials were pooled; CLEOPATRA carried the greatest weight.",
                        "journal"))
                .isEmpty();
        assertThat(acronyms(
                        "Oral HER2 inhibitors in metastatic disease: a systematic review",
                        "Twelve trials were pooled. Results from NALA and PHOEBE contributed most weight.",
                        "journal"))
                .as("the results the review presents")
                .containsExactly("NALA", "PHOEBE");
    }

    @Test
    void aTrialNamedAmongThoseAReviewPooledIsBackground() {
        assertThat(acronyms(
                        "Oral HER2 inhibitors versus antibody pairs: a meta-analysis",
                        "We pooled nine studies comparing the two classes, including NALA. Rash was commoner.",
                        "journal"))
                .isEmpty();
    }

    @Test
    void aRegionBeforeTrialIsWhereTheTrialRunsNotItsName() {
        assertThat(acronyms(
                        "First patients enrolled in KINGFISHER-Gastric",
                        "The Latin-American trial will recruit 300 adults with HER2-positive gastric cancer.",
                        "news"))
                .containsExactly("KINGFISHER-Gastric");
        assertThat(acronyms("Ulcer study", "Accrual in the Nordlys-Ultra trial is complete.", "news"))
                .as("a name in mixed case of two words is still read")
                .containsExactly("Nordlys-Ultra");
    }

    @Test
    void aDeterminerOpeningTheSentenceIsNoPartOfASpacedName() {
        assertThat(acronyms(
                        "Quality of life with neratinib in WREN-B2",
                        "Fatigue scores did not differ between arms. Those QOL data support the dose.",
                        "journal"))
                .containsExactly("WREN-B2");
    }
}
