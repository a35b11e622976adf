package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the shipped evidence rules (config/evidence.yml) say about articles a reader meets: the publication type with
 * the reason, the drugs by INN whatever name the text uses, and the trials with their registry pages.
 */
class EvidenceTest {

    private static Tagger shipped;

    @BeforeAll
    static void loadShippedRules() {
        shipped = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    }

    private static Evidence evidence(String title, String summary, List<String> categories, String kind) {
        return shipped.tag(new TaggableText(title, summary, "", categories, kind))
                .evidence();
    }

    private static String type(String title, String summary, List<String> categories, String kind) {
        return evidence(title, summary, categories, kind).type().slug();
    }

    @Test
    void theSourceKindDecidesForPreprintsRegistriesRegulatorsNewsAndPatients() {
        String trial = "A randomized phase 3 trial of trastuzumab deruxtecan in HER2-low breast cancer";
        assertThat(type(trial, "", List.of(), "preprint")).isEqualTo("preprint");
        assertThat(type(trial, "", List.of(), "registry")).isEqualTo("trial-registration");
        assertThat(type("FDA approves T-DXd for HER2-ultralow disease", "", List.of(), "regulator"))
                .isEqualTo("approval");
        assertThat(type("FDA approves T-DXd for HER2-ultralow disease", "", List.of(), "news"))
                .isEqualTo("news");
        assertThat(type("My second year on Enhertu", "", List.of(), "patient")).isEqualTo("patient-story");
        PublicationType preprint = evidence(trial, "", List.of(), "preprint").type();
        assertThat(preprint.sourceKind()).as("the reason shown").isEqualTo("preprint");
        assertThat(preprint.label()).isEqualTo("Preprint");
    }

    @Test
    void noticesWinWhateverTheSourceButOnlyInTitleOrCategory() {
        assertThat(type("Retraction notice to: HER2 expression in salivary duct carcinoma", "", List.of(), "journal"))
                .isEqualTo("notice");
        assertThat(type("WITHDRAWN: Tucatinib exposure in brain metastases", "", List.of(), "preprint"))
                .isEqualTo("notice");
        assertThat(type("Retraction: trastuzumab in gastric cancer", "", List.of("Retraction of Publication"), null))
                .isEqualTo("notice");
        assertThat(type(
                        "Pyrotinib in early HER2-positive disease: a phase II trial",
                        "",
                        List.of("Retracted Publication"),
                        "journal"))
                .as("PubMed's mark on the retracted article itself: it keeps its own type")
                .isEqualTo("trial-result");
        PublicationType notice = evidence("Erratum: HER2 testing in gastric biopsies", "", List.of(), "journal")
                .type();
        assertThat(notice.matched()).containsExactly(new TermHit("erratum", "title"));

        assertThat(type("Correction of hypokalaemia during neratinib treatment", "", List.of(), "journal"))
                .as("a correction of something is not a notice")
                .isNotEqualTo("notice");
        assertThat(type(
                        "Cardiac safety of trastuzumab",
                        "Treatment withdrawal was rare; one article was retracted from the analysis.",
                        List.of(),
                        "journal"))
                .as("words in the abstract do not make a notice")
                .isNotEqualTo("notice");
        assertThat(type("HER3-directed ADC application withdrawn in EGFR-mutant lung cancer", "", List.of(), "news"))
                .as("a drug's application withdrawn from a regulator is news of a filing")
                .isEqualTo("news");
    }

    @Test
    void newsTellingWhoRetractsAPaperIsANoticeAboutIt() {
        Evidence blog = evidence(
                "Authors retract HER2 nanoparticle paper over unreproducible rat data",
                "The authors of a paper on trastuzumab nanoparticles retracted it (doi 10.5555/jcr.2026.5540).",
                List.of(),
                "news");
        assertThat(blog.type().slug()).isEqualTo("notice");
        assertThat(blog.notice().kind()).isEqualTo(Notice.RETRACTION);
        assertThat(blog.notice().dois()).containsExactly("10.5555/jcr.2026.5540");
        assertThat(type("Journal retracts HER2 circRNA paper over duplicated images", "", List.of(), "news"))
                .isEqualTo("notice");
    }

    @Test
    void aCorrectionTitledByTheSectionInErrorIsANotice() {
        Evidence erratum = evidence(
                "Errors in Figure 3: Pyrotinib plus capecitabine after trastuzumab: results of a phase 2 trial",
                "In the article (doi 10.5555/onc.2026.0311), the axis labels of Figure 3 were swapped.",
                List.of(),
                "journal");
        assertThat(erratum.type().slug()).isEqualTo("notice");
        assertThat(erratum.notice().kind()).isEqualTo(Notice.CORRECTION);
        assertThat(erratum.notice().dois()).containsExactly("10.5555/onc.2026.0311");
        assertThat(type(
                        "Error in Author Affiliations: Neratinib in HER2-mutant cervical cancer",
                        "",
                        List.of(),
                        "journal"))
                .isEqualTo("notice");
    }

    @Test
    void newsTellingThatAJournalPlacedAnExpressionOfConcernIsANoticeAboutIt() {
        Evidence post = evidence(
                "Cancer journal questions tucatinib mouse study after reader spots reused blots",
                "The journal has issued an expression of concern on the 2024 paper (PMID 98877665) while the"
                        + " institute reviews the raw images.",
                List.of(),
                "news");
        assertThat(post.type().slug()).isEqualTo("notice");
        assertThat(post.notice().kind()).isEqualTo(Notice.CONCERN);
        assertThat(post.notice().pmids()).containsExactly("98877665");
    }

    @Test
    void reviewsGuidelinesLaboratoryPapersAndCasesWithoutTheirUsualTitleWords() {
        assertThat(type("Trastuzumab rezetecan: first approval", "Adis review.", List.of(), "journal"))
                .as("Adis's profile of a newly approved drug")
                .isEqualTo("review");
        assertThat(type("Trastuzumab rezetecan wins first approval in China", "", List.of(), "news"))
                .isEqualTo("news");
        assertThat(type(
                        "HER2 in biliary tract cancer: testing, targets and trials",
                        "We summarise HER2 testing and targeted therapy in BTC, including zanidatamab.",
                        List.of(),
                        "journal"))
                .isEqualTo("review");
        assertThat(type(
                        "NCCN Guidelines Version 6.2026 Breast Cancer — summary of updates",
                        "Trastuzumab deruxtecan + pertuzumab added as a preferred first-line option.",
                        List.of(),
                        "regulator"))
                .isEqualTo("guideline");
        assertThat(type(
                        "HER2-targeted therapy for older adults: SIOG expert panel recommendations",
                        "",
                        List.of(),
                        "journal"))
                .isEqualTo("guideline");
        assertThat(type(
                        "Neratinib synergises with CDK4/6 inhibition in HER2-mutant breast cancer models",
                        "Neratinib plus palbociclib induced deeper regressions than either alone.",
                        List.of(),
                        "journal"))
                .isEqualTo("preclinical");
        assertThat(type(
                        "HER2-amplified osteosarcoma in an adolescent treated with trastuzumab deruxtecan",
                        "A 16-year-old with relapsed osteosarcoma had a partial response.",
                        List.of(),
                        "journal"))
                .isEqualTo("case-report");
        assertThat(type("Bayer expects CHMP opinion on sevabertinib in early 2027", "", List.of(), "news"))
                .as("a committee's opinion on a filing is no opinion piece")
                .isEqualTo("news");
        assertThat(type("Opinion: the case against de-escalation", "", List.of(), "news"))
                .isEqualTo("commentary");
    }

    @Test
    void journalArticlesAreTypedByWhatThePublisherAndTheTextSay() {
        assertThat(type("HER2-low breast cancer", "", List.of("Journal Article", "Review"), "journal"))
                .isEqualTo("review");
        assertThat(type("Trastuzumab deruxtecan: a systematic review and meta-analysis", "", List.of(), "journal"))
                .isEqualTo("review");
        assertThat(type("ESMO guideline for HER2-positive gastric cancer", "", List.of(), "journal"))
                .isEqualTo("guideline");
        assertThat(type("Pneumonitis on T-DXd: a case report", "", List.of(), "journal"))
                .isEqualTo("case-report");
        assertThat(type("Dual HER2 blockade: the end of chemotherapy?", "", List.of("Editorial"), "journal"))
                .isEqualTo("commentary");
        assertThat(type(
                        "Zanidatamab in biliary tract cancer",
                        "In this open-label, single-arm study, 80 patients were enrolled.",
                        List.of(),
                        "journal"))
                .isEqualTo("trial-result");
        assertThat(type(
                        "A HER2-directed conjugate overcomes resistance",
                        "Tumour growth was inhibited in patient-derived xenograft models and cell lines.",
                        List.of(),
                        null))
                .isEqualTo("preclinical");
        assertThat(type("HER2 testing in 4,000 gastric biopsies", "A retrospective cohort.", List.of(), "journal"))
                .as("the default: clinical research is counted with trial results")
                .isEqualTo("trial-result");
        assertThat(type(
                        "ENHERTU Approved in the EU",
                        "Daiichi Sankyo today announced the approval.",
                        List.of(),
                        "news"))
                .as("a company's own press release of an approval")
                .isEqualTo("approval");
        assertThat(type(
                        "Regulator authorizes ZELTRA for HER2-mutant lung cancer",
                        "The company said the decision followed a priority review.",
                        List.of("News release"),
                        "news"))
                .as("a company newsroom's news release of an authorisation")
                .isEqualTo("approval");
        assertThat(type("Regulators approve T-DXd in the EU", "Analysts expect wide uptake.", List.of(), "news"))
                .as("journalism about an approval")
                .isEqualTo("news");
    }

    @Test
    void aJournalsCommentSectionWinsOverTheGuidelineItCommentsOnAndAQandAIsCommentary() {
        assertThat(type(
                        "Ultralow, not zero: an editorial on the ESMO living guideline update",
                        "The authors welcome the update but question the assays.",
                        List.of("Editorial"),
                        "journal"))
                .isEqualTo("commentary");
        assertThat(type(
                        "ESMO living guideline: HER2-low and HER2-ultralow disease",
                        "Recommendations are given.",
                        List.of("Practice Guideline"),
                        "journal"))
                .isEqualTo("guideline");
        assertThat(type(
                        "Expert Q&A: What a positive phase 3 readout means for zanidatamab",
                        "An oncologist discusses the results.",
                        List.of("Interviews"),
                        "news"))
                .isEqualTo("commentary");
    }

    @Test
    void aJournalClubPieceAndAnAuthorsReplyFiledSoAreCommentaryWhateverTrialTheirTitleNames() {
        assertThat(type(
                        "Journal Club: the GANNET-3 phase 3 trial and what it changes for gastric cancer",
                        "Three fellows appraise the randomized trial's design, its survival endpoint and its results.",
                        List.of("Journal Club"),
                        "journal"))
                .isEqualTo("commentary");
        assertThat(type(
                        "Re: Neoadjuvant Pyrotinib in HER2-Positive Breast Cancer: The PETREL-HB Phase 2 Trial",
                        "We thank the correspondents; the pathologic complete response rate was centrally reviewed.",
                        List.of("Reply"),
                        "journal"))
                .isEqualTo("commentary");
    }

    @Test
    void drugsAreNamedByTheirInnWhateverNameTheTextUses() {
        Evidence found = evidence(
                "Enhertu after Kadcyla",
                "Fam-trastuzumab deruxtecan-nxki (DS-8201a) was given after T-DM1; Phesgo was continued.",
                List.of(),
                "journal");
        assertThat(found.drugs())
                .extracting(DrugMention::inn)
                .containsExactly("trastuzumab", "pertuzumab", "trastuzumab deruxtecan", "trastuzumab emtansine");
        assertThat(found.drugs().get(2).mentioned()).contains("enhertu", "trastuzumab deruxtecan", "ds-8201*");
        assertThat(evidence("Trastuzumab deruxtecan in HER2-low disease", "", List.of(), "journal")
                        .drugs())
                .as("the conjugate's name does not also name trastuzumab")
                .extracting(DrugMention::inn)
                .containsExactly("trastuzumab deruxtecan");
        assertThat(evidence("Capecitabine and docetaxel", "", List.of(), "journal")
                        .drugs())
                .isEmpty();
    }

    @Test
    void aHeadlineThatAttributesItsNewsToAMetaAnalysisIsNewsAndAJournalsMetaAnalysisAReview() {
        assertThat(type("Pertuzumab Adds Little in Node-Negative Disease, Meta-Analysis Finds", "", List.of(), "news"))
                .isEqualTo("news");
        assertThat(type("Pertuzumab in node-negative disease: a meta-analysis", "", List.of(), "journal"))
                .isEqualTo("review");
    }

    @Test
    void aJournalsArticleTypeWinsOverTheTrialWordsOfItsTitle() {
        assertThat(type(
                        "Organising pneumonia in a patient receiving adjuvant T-DXd in a clinical trial",
                        "",
                        List.of("Case Reports", "Journal Article"),
                        "journal"))
                .isEqualTo("case-report");
        assertThat(type(
                        "HER2-directed therapy in biliary cancer: pooled analysis of single-arm trials",
                        "",
                        List.of("Systematic Review", "Journal Article"),
                        "journal"))
                .isEqualTo("review");
        assertThat(type("Where does pertuzumab still fit?", "", List.of("Review", "Perspective review"), "journal"))
                .as("a perspective review is a review, not a perspective")
                .isEqualTo("review");
        assertThat(type(
                        "Cardiac safety of dual blockade: a pooled analysis of patient data from three trials",
                        "",
                        List.of("Journal Article", "Meta-Analysis"),
                        "journal"))
                .as("PubMed files pooled analyses of named trials under Meta-Analysis")
                .isEqualTo("trial-result");
        assertThat(type("Seminar: HER2-positive gastric cancer", "", List.of(), "journal"))
                .isEqualTo("review");
        assertThat(type(
                        "Systemic therapy for HER2-positive gastric cancer: ASCO Rapid Recommendation Update",
                        "",
                        List.of(),
                        "journal"))
                .isEqualTo("guideline");
    }

    @Test
    void aCompanyNewsroomsReleasesSectionMakesItsOwnAnnouncement() {
        assertThat(type(
                        "Zanidatamab approved in Japan for HER2-positive biliary tract cancer",
                        "",
                        List.of("Press Releases"),
                        "news"))
                .isEqualTo("approval");
        assertThat(type("Zanidatamab approved in Japan for HER2-positive biliary tract cancer", "", List.of(), "news"))
                .as("journalism about the decision")
                .isEqualTo("news");
        assertThat(type("Tucatinib Shows Survival Benefit in HER2CLIMB-05", "", List.of("News Releases"), "news"))
                .isEqualTo("trial-result");
    }

    @Test
    void aPatientsFirstPersonAccountOfTrialNewsIsTheirStory() {
        assertThat(type("What this week's DESTINY-Breast11 news means to me", "", List.of(), "patient"))
                .isEqualTo("patient-story");
        assertThat(type("DESTINY-Breast11: what the news means for patients", "", List.of(), "patient"))
                .as("a patient organisation's explainer")
                .isEqualTo("news");
        assertThat(type("Dose study: what HALCYON-2 could mean if you are on Enhertu", "", List.of(), "patient"))
                .as("an explainer of a result, told to the reader")
                .isEqualTo("news");
        assertThat(type("A lower dose for Enhertu?", "", List.of("Research explained"), "patient"))
                .as("filed as an explainer")
                .isEqualTo("news");
    }

    @Test
    void laboratoryAndVeterinaryStudiesArePreclinical() {
        assertThat(type(
                        "HER2 L755S confers lapatinib resistance in isogenic breast cancer models",
                        "",
                        List.of(),
                        "journal"))
                .isEqualTo("preclinical");
        assertThat(type(
                        "A HER2 vaccine in dogs with osteosarcoma: a prospective veterinary study",
                        "",
                        List.of(),
                        "journal"))
                .isEqualTo("preclinical");
    }

    @Test
    void trialsAreFoundByAcronymAndByRegistryIdWithTheirRegistryPage() {
        Evidence found = evidence(
                "DESTINY-Breast09: first-line T-DXd with pertuzumab",
                "The phase 3 trial (NCT04784715; EU CT 2023-501234-12-00) met its primary endpoint. An earlier study "
                        + "(nct 01234567, EudraCT 2015-001234-56) and the KATHERINE trial are cited.",
                List.of(),
                "journal");
        assertThat(found.trials())
                .as("a trial's ids in two registries written in one bracket are one trial, named by its NCT number")
                .containsExactly(
                        new TrialMention(
                                "NCT04784715", "DESTINY-Breast09", "https://clinicaltrials.gov/study/NCT04784715"),
                        new TrialMention("NCT01772472", "KATHERINE", "https://clinicaltrials.gov/study/NCT01772472"),
                        new TrialMention("NCT01234567", null, "https://clinicaltrials.gov/study/NCT01234567"));
        assertThat(evidence("A phase 3 trial", "Registered as EU CT 2023-501234-12-00.", List.of(), "journal")
                        .trials())
                .containsExactly(new TrialMention(
                        "2023-501234-12-00",
                        null,
                        "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=2023-501234-12-00"));
        assertThat(evidence("A phase 3 trial", "Registered as EudraCT 2015-001234-56.", List.of(), "journal")
                        .trials())
                .containsExactly(new TrialMention(
                        "2015-001234-56",
                        null,
                        "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2015-001234-56"));
        assertThat(evidence("HER2CLIMB-02 results", "", List.of(), "news").trials())
                .extracting(TrialMention::acronym)
                .containsExactly("HER2CLIMB-02");
    }

    @Test
    void aNoticeSaysWhatItConcernsByDoiPubMedIdOrTitle() {
        Notice retraction = evidence(
                        "Retraction notice to: HER2 amplification in salivary duct carcinoma",
                        "This article (doi: 10.5555/SDC.2024.7) has been retracted at the request of the editors.",
                        List.of(),
                        "journal")
                .notice();
        assertThat(retraction.kind()).isEqualTo(Notice.RETRACTION);
        assertThat(retraction.dois()).containsExactly("10.5555/sdc.2024.7");
        assertThat(retraction.title()).isEqualTo("HER2 amplification in salivary duct carcinoma");

        Notice correction = evidence(
                        "Erratum",
                        "Correction to \"Neratinib and the gut microbiome in HER2-positive disease\" (PMID: 99131052).",
                        List.of("Published Erratum"),
                        "journal")
                .notice();
        assertThat(correction.kind()).isEqualTo(Notice.CORRECTION);
        assertThat(correction.pmids()).containsExactly("99131052");
        assertThat(correction.title()).isEqualTo("Neratinib and the gut microbiome in HER2-positive disease");

        assertThat(evidence("WITHDRAWN: Tucatinib in brain metastases", "", List.of(), "preprint")
                        .notice()
                        .kind())
                .isEqualTo(Notice.WITHDRAWAL);
        assertThat(evidence("Tucatinib in brain metastases", "", List.of(), "journal")
                        .notice())
                .as("only notices say what they concern")
                .isNull();
    }

    @Test
    void aNiceClinicalGuidelineIsAGuidelineThoughTheFeedFilesNiceAsARegulator() {
        assertThat(type(
                        "Advanced gastric cancer: diagnosis and management (NG999) - update on HER2 testing",
                        "The committee updated its recommendations on first-line HER2-directed therapy.",
                        List.of("NICE guideline"),
                        "regulator"))
                .isEqualTo("guideline");
        assertThat(type(
                        "Zanidatamab for previously treated HER2-positive biliary tract cancer (TA9999)",
                        "Zanidatamab is recommended within its marketing authorisation.",
                        List.of("Technology appraisal guidance"),
                        "regulator"))
                .as("a technology appraisal is a decision")
                .isEqualTo("approval");
    }

    @Test
    void aPodcastIsCommentaryWhateverPaperItsTitleNames() {
        assertThat(type(
                        "Breast Oncology Weekly podcast: the authors of the new review of HER2-low pathology",
                        "Two pathologists discuss scoring.",
                        List.of("Podcast"),
                        "news"))
                .isEqualTo("commentary");
    }

    @Test
    void aResearchLetterReportsData() {
        assertThat(type(
                        "Cardiac Events With Adjuvant Pertuzumab in Older Women (Research Letter)",
                        "In this research letter, 402 women aged 70 or older were followed for five years.",
                        List.of("Research Letter"),
                        "journal"))
                .isEqualTo("trial-result");
        assertThat(type("Letter: a cautionary note on cross-trial comparison", "", List.of(), "journal"))
                .isEqualTo("commentary");
    }

    @Test
    void aHeadlineThatSaysAMetaAnalysisRanksADrugIsNews() {
        assertThat(type(
                        "Network Meta-Analysis Ranks Oral TKI First for Brain Metastases",
                        "A pooled comparison found the longest intracranial PFS with tucatinib.",
                        List.of("Oncology"),
                        "news"))
                .isEqualTo("news");
    }

    @Test
    void aSponsorsNewsOfItsTrialsFirstPatientIsNewsNotAResult() {
        assertThat(type(
                        "Kestrel Bio Doses First Patient in Phase 3 WREN-4 Trial of Oral HER2 Inhibitor",
                        "The randomised trial will enrol 600 patients.",
                        List.of("Press Release"),
                        "news"))
                .isEqualTo("news");
    }

    @Test
    void stemCellDerivedHeartCellsAndComputerDesignsInATitleArePreclinical() {
        assertThat(type(
                        "Pertuzumab alters calcium handling in iPSC-derived cardiomyocytes",
                        "Beating cells were exposed for 72 hours.",
                        List.of("Original Article"),
                        "journal"))
                .isEqualTo("preclinical");
        assertThat(type(
                        "In silico screening of covalent HER2 binders from a tucatinib template",
                        "Candidates were ranked by predicted affinity.",
                        List.of("Computational Chemistry"),
                        "journal"))
                .isEqualTo("preclinical");
    }

    @Test
    void aJournalsPersonalViewIsCommentaryAndAPatientSitesPatientPerspectivesAStory() {
        assertThat(type(
                        "Why do subcutaneous forms cost more than they should?",
                        "The writer argues procurement rules slow the move to cheaper products.",
                        List.of("Personal View"),
                        "journal"))
                .isEqualTo("commentary");
        assertThat(type(
                        "What stopping chemotherapy early felt like: a participant's take",
                        "A woman recruited in 2025 explains why she joined a de-escalation study.",
                        List.of("Patient Perspectives"),
                        "patient"))
                .isEqualTo("patient-story");
    }

    @Test
    void newsThatTellsOfAReviewIsNews() {
        assertThat(type("Regulator reviews heart risk of HER2 antibody in older women", "", List.of("Policy"), "news"))
                .isEqualTo("news");
        assertThat(type("Gastric ADC draws attention ahead of peer review", "", List.of("Oncology"), "news"))
                .isEqualTo("news");
        assertThat(type("Meta-Analysis Puts Oral TKIs Ahead for Brain Metastases", "", List.of(), "news"))
                .isEqualTo("news");
        assertThat(type("HER2-directed therapy in gastric cancer: a narrative review", "", List.of(), "journal"))
                .isEqualTo("review");
    }

    @Test
    void aResponseToADrugIsNoReplyToAPaper() {
        assertThat(type("Clinic team reports high response to HER2 ADC in rare tumours", "", List.of(), "news"))
                .isEqualTo("news");
        assertThat(type(
                        "HER2 Heterogeneity as a Predictor of Response to Neoadjuvant Pertuzumab: Analysis of the"
                                + " GANNET-3 Trial",
                        "",
                        List.of("Original Article"),
                        "journal"))
                .isEqualTo("trial-result");
        assertThat(type("Response to: adjuvant T-DXd in residual disease", "", List.of(), "journal"))
                .isEqualTo("commentary");
    }

    @Test
    void aStepOfAFilingOrOfAProgrammeIsNewsWhoeverAnnouncesIt() {
        assertThat(type(
                        "Acme Bio doses first patient in phase 3 trial of its HER2 bispecific",
                        "",
                        List.of("Press Releases"),
                        "news"))
                .isEqualTo("news");
        assertThat(type(
                        "Zanidatamab granted Breakthrough Therapy Designation in HER2-positive colorectal cancer",
                        "",
                        List.of("Press Releases"),
                        "news"))
                .isEqualTo("news");
        assertThat(type(
                        "Partner receives milestone payment following approval of Ziihera",
                        "",
                        List.of("Press Releases"),
                        "news"))
                .isEqualTo("news");
    }

    @Test
    void interviewsPodcastsAndJournalClubsOnNewsSitesAreCommentary() {
        assertThat(type("Journal Club: is one year of trastuzumab still needed?", "", List.of(), "news"))
                .isEqualTo("commentary");
        assertThat(type("An Oncologist Discusses Tucatinib Results in Brain Metastases", "", List.of(), "news"))
                .isEqualTo("commentary");
        assertThat(type("Rethinking HER2 scoring", "", List.of("Interviews"), "news"))
                .isEqualTo("commentary");
        assertThat(type("Where HER2 testing goes next", "", List.of("Perspective"), "news"))
                .isEqualTo("commentary");
        assertThat(type("CHMP adopts positive opinion for zongertinib", "", List.of("Press Releases"), "news"))
                .as("a committee's opinion is a step of a decision")
                .isEqualTo("approval");
    }

    @Test
    void aResearchLetterReportsDataAndOtherLettersAndHighlightsComment() {
        assertThat(type("Five-year outcomes of neoadjuvant pyrotinib", "", List.of("Research Letter"), "journal"))
                .isEqualTo("trial-result");
        assertThat(type(
                        "Research Letter: cardiac events with T-DXd after anthracyclines",
                        "",
                        List.of("Correspondence"),
                        "journal"))
                .isEqualTo("trial-result");
        assertThat(type("Pyrotinib data from outside Asia are still missing", "", List.of("Letter"), "journal"))
                .isEqualTo("commentary");
        assertThat(type("A small dose of HER2 goes far", "", List.of("Research Highlight"), "journal"))
                .isEqualTo("commentary");
        assertThat(type("Why the originator still dominates", "", List.of("Personal View"), "journal"))
                .isEqualTo("commentary");
        assertThat(type("Zongertinib first", "", List.of("Expert Point of View"), "journal"))
                .isEqualTo("commentary");
        assertThat(type("Comment on a systematic review of neratinib diarrhoea", "", List.of(), "journal"))
                .isEqualTo("commentary");
        assertThat(type("A podcast on the new review of HER2 in biliary cancer", "", List.of(), "journal"))
                .isEqualTo("commentary");
    }

    @Test
    void publishersMarksOfCaseImagesDrugProfilesStatementsAndProgrammeReviews() {
        assertThat(type("Images in Oncology: a HER2-amplified lesion melting on zanidatamab", "", List.of(), "journal"))
                .isEqualTo("case-report");
        assertThat(type("Two HER2 inhibitors for lung cancer", "", List.of("Drug Profile"), "journal"))
                .isEqualTo("review");
        assertThat(type("Margetuximab: clinical development in breast cancer", "", List.of(), "journal"))
                .isEqualTo("review");
        assertThat(type("HER2 testing in gastric cancer: a joint society statement", "", List.of(), "journal"))
                .isEqualTo("guideline");
    }

    @Test
    void cellsStemCellModelsComputerModelsAndDrugDesignArePreclinical() {
        assertThat(type("Neratinib triggers autophagy in HER2-positive bladder cancer cells", "", List.of(), "journal"))
                .isEqualTo("preclinical");
        assertThat(type("Pertuzumab and calcium handling in iPSC-derived cardiomyocytes", "", List.of(), "journal"))
                .isEqualTo("preclinical");
        assertThat(type("Discovery of covalent HER2 inhibitors from a quinazoline series", "", List.of(), "journal"))
                .isEqualTo("preclinical");
        assertThat(type("An in silico dosing study of tucatinib in hepatic impairment", "", List.of(), "journal"))
                .isEqualTo("preclinical");
        assertThat(type("Circulating tumour cells and outcome on T-DXd: a cohort study", "", List.of(), "journal"))
                .as("a patient's cells counted as a marker")
                .isEqualTo("trial-result");
    }

    @Test
    void aCompanyTellingItsOwnDecisionOrResultIsFoundByItsWordsSectionsAndLink() {
        String approved = "Neratinib approved in Brazil for extended adjuvant treatment";
        assertThat(type(
                        approved,
                        "Puma Biotechnology announced that ANVISA has approved neratinib.",
                        List.of(),
                        "news"))
                .isEqualTo("approval");
        assertThat(type(approved, "", List.of("Corporate News"), "news")).isEqualTo("approval");
        assertThat(type(approved, "", List.of("Media releases"), "news")).isEqualTo("approval");
        assertThat(shipped.tag(new TaggableText(
                                approved, "", "", List.of(), "news", "https://wire.example/news-releases/neratinib-9"))
                        .evidence()
                        .type()
                        .slug())
                .isEqualTo("approval");
        assertThat(shipped.tag(new TaggableText(
                                "Margetuximab trial meets its primary endpoint in gastric cancer",
                                "",
                                "",
                                List.of(),
                                "news",
                                "https://www.businesswire.example/news/home/2026/margetuximab"))
                        .evidence()
                        .type()
                        .slug())
                .isEqualTo("trial-result");
        assertThat(type(approved, "Shares rose after regulators approved the drug.", List.of("Oncology"), "news"))
                .as("journalism about the decision")
                .isEqualTo("news");
    }

    @Test
    void aPreprintWithdrawnUnderItsOwnTitleAndAPublishersOrEditorsNoteAreNotices() {
        Evidence withdrawn = evidence(
                "Tucatinib exposure in older adults: a pharmacokinetic cohort",
                "The authors have withdrawn this manuscript because of an error in the exposure model.",
                List.of("Oncology"),
                "preprint");
        assertThat(withdrawn.type().slug()).isEqualTo("notice");
        assertThat(withdrawn.notice().kind()).isEqualTo(Notice.WITHDRAWAL);
        assertThat(type(
                        "Tucatinib exposure in older adults",
                        "Patients who withdrew were censored.",
                        List.of(),
                        "preprint"))
                .isEqualTo("preprint");
        assertThat(type("Publisher's Note: HER2 scoring on digital slides", "", List.of(), "journal"))
                .isEqualTo("notice");
        assertThat(type("Editor's Note: Neratinib and diarrhoea prophylaxis", "", List.of(), "journal"))
                .isEqualTo("notice");
    }

    @Test
    void aCompanysReleaseOfARegulatorsDecisionInTheRegulatorsOwnWords() {
        for (String decision : List.of(
                "Health Canada issues Notice of Compliance for zanidatamab in biliary tract cancer",
                "Committee adopts positive opinion for neratinib in extended adjuvant therapy",
                "Acme receives Complete Response Letter for its subcutaneous trastuzumab",
                "Tucatinib label gains a boxed warning for liver injury",
                "Ministry grants reimbursement for pyrotinib in early breast cancer")) {
            assertThat(type(decision, "", List.of("Press Releases"), "news"))
                    .as(decision)
                    .isEqualTo("approval");
        }
    }

    @Test
    void anHtaBodysClinicalGuidelineIsAGuidelineAndItsAppraisalADecision() {
        assertThat(type("Gastric cancer: diagnosis and management (NG999) - update", "", List.of(), "regulator"))
                .isEqualTo("guideline");
        assertThat(type(
                        "Zanidatamab for treating HER2-positive biliary tract cancer (TA9999)",
                        "",
                        List.of(),
                        "regulator"))
                .isEqualTo("approval");
    }
}
