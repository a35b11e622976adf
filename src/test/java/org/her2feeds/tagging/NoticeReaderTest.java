package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.her2feeds.clean.ContentCleaner;
import org.junit.jupiter.api.Test;

/** What a notice names its article by, in the ways publishers write it (texts invented for this test). */
class NoticeReaderTest {

    private static Notice read(String title, String summary) {
        return NoticeReader.read(new TaggableText(title, summary, "", List.of(), "journal"));
    }

    @Test
    void readsAPubmedIdWrittenWithoutAColonAsPubmedNoticesDo() {
        Notice notice = read(
                "Retraction Note: Low-dose lapatinib in elderly patients",
                "The journal retracts this article at the request of the sponsor. Retraction of: PMID 98765432.");

        assertThat(notice.kind()).isEqualTo(Notice.RETRACTION);
        assertThat(notice.pmids()).containsExactly("98765432");
    }

    @Test
    void aCorrectionTitledByTheSectionInErrorIsACorrectionWhateverItsArticleIsAbout() {
        Notice notice = read(
                "Error in Methods: Withdrawal of pertuzumab before cardiac surgery: a cohort study",
                "The dosing interval was given wrongly in the Methods section.");

        assertThat(notice.kind()).isEqualTo(Notice.CORRECTION);
    }

    @Test
    void readsAPubmedIdLabelledByWhoseIdItIs() {
        Notice notice = read(
                "WITHDRAWN: Pyrotinib rechallenge after progression on trastuzumab: a registry study",
                "The editors withdrew this paper because it repeats one published before. PubMed ID for the"
                        + " original paper: 98123456. The authors agreed.");

        assertThat(notice.kind()).isEqualTo(Notice.WITHDRAWAL);
        assertThat(notice.pmids()).containsExactly("98123456");
        assertThat(read("Correction", "The PMID of the cohort was 12 in Table 2.")
                        .pmids())
                .as("a number not labelled as an article's id")
                .isEmpty();
    }

    @Test
    void readsAPubmedIdSpelledOutWithOrWithoutAColon() {
        assertThat(read(
                                "Corrigendum to 'Adjuvant pyrotinib in older women: a cohort study'",
                                "A dose in table 2 of the above article (PubMed ID 98111222) was wrong.")
                        .pmids())
                .containsExactly("98111222");
        assertThat(read(
                                "Retraction Statement: Neratinib rash in a young man",
                                "The article cited above (PubMed ID: 98333444) has been retracted.")
                        .pmids())
                .containsExactly("98333444");
    }

    @Test
    void readsTheArticlesIdentifierWhereTheNoticesRecordFilesItAmongItsKeywords() {
        Notice byPmid = NoticeReader.read(new TaggableText(
                "Retraction: Lapatinib rechallenge in a man with HER2-amplified bladder cancer",
                "This article has been retracted at the request of the editors.",
                "",
                List.of("Retraction of Publication", "Original: PMID 98444555"),
                "journal"));
        Notice byDoi = NoticeReader.read(new TaggableText(
                "Correction",
                "In the originally published version of this article, a grant was missing.",
                "",
                List.of("Correction", "doi:10.1000/j.onc.2026.01.007"),
                "journal"));

        assertThat(byPmid.pmids()).containsExactly("98444555");
        assertThat(byDoi.dois()).containsExactly("10.1000/j.onc.2026.01.007");
    }

    /**
     * Blog feeds write quotation marks as character references, some escaped twice over ("&amp;amp;#8220;" in the
     * XML leaves "&amp;#8220;" after parsing): the cleaner decodes what the service tags, as the pipeline runs it.
     */
    @Test
    void readsATitleQuotedWithCharacterReferencesLeftByAFeedEscapedTwice() {
        Notice inSummary = readCleaned(
                "Journal pulls neratinib paper over duplicated figures",
                "The paper, &amp;#8220;Neratinib overcomes lapatinib resistance in HER2-mutant organoids,&amp;#8221;"
                        + " was retracted; a second, &amp;ldquo;Pyrotinib in HER2-low organoid models of gastric"
                        + " cancer&amp;rdquo;, was not.");
        Notice inTitle = readCleaned(
                "Journal retracts &amp;quot;Neratinib overcomes lapatinib resistance in HER2-mutant"
                        + " organoids&amp;quot;",
                "The images were duplicated, the editors say.");
        Notice escapedOnce = readCleaned(
                "Journal pulls neratinib paper over duplicated figures",
                "The paper, &#8220;Neratinib overcomes lapatinib resistance in HER2-mutant organoids,&#8221; was"
                        + " retracted.");

        assertThat(inSummary.title()).isEqualTo("Neratinib overcomes lapatinib resistance in HER2-mutant organoids,");
        assertThat(inTitle.title()).isEqualTo("Neratinib overcomes lapatinib resistance in HER2-mutant organoids");
        assertThat(escapedOnce.title()).isEqualTo("Neratinib overcomes lapatinib resistance in HER2-mutant organoids,");
    }

    /** The title and summary as the feed's parser gives them, read as EntryMapper reads them: cleaned, then tagged. */
    private static Notice readCleaned(String title, String summaryHtml) {
        ContentCleaner cleaner = new ContentCleaner();
        return read(cleaner.plainText(title), cleaner.summary(summaryHtml, null).fullText());
    }

    @Test
    void aPubmedMentionWithoutALabelIsNoIdentifier() {
        Notice notice = read("Correction", "We searched PubMed 2010 to 2025 again and corrected Table 2.");

        assertThat(notice.pmids()).isEmpty();
    }

    @Test
    void readsATitleInStraightSingleQuotes() {
        Notice notice = read(
                "Expression of Concern",
                "The editors flag 'Margetuximab after two lines of anti-HER2 therapy: a cohort study' while the "
                        + "institution reviews the consent forms.");

        assertThat(notice.kind()).isEqualTo(Notice.CONCERN);
        assertThat(notice.title()).isEqualTo("Margetuximab after two lines of anti-HER2 therapy: a cohort study");
    }

    @Test
    void apostrophesDoNotMakeATitle() {
        Notice notice = read(
                "Editorial expression of concern",
                "The authors' raw data could not be found and the editors' review of the blots continues for now.");

        assertThat(notice.title()).isNull();
    }

    @Test
    void readsATitleQuotedInTheNoticesOwnTitle() {
        Notice notice = read(
                "Retraction notice to 'Pyrotinib restores lapatinib sensitivity in resistant cell lines' [Onc. Rep. 12"
                        + " (2025) 1044]",
                "This article has been retracted at the request of the Editor-in-Chief.");

        assertThat(notice.kind()).isEqualTo(Notice.RETRACTION);
        assertThat(notice.title()).isEqualTo("Pyrotinib restores lapatinib sensitivity in resistant cell lines");
    }

    @Test
    void readsTheTitleOfAReferenceInCitationStyle() {
        Notice notice = read(
                "Department of Error",
                "Okafor B, Lind S, et al. Margetuximab versus trastuzumab in pretreated disease: a randomised trial. "
                        + "Lancet Oncol 2026; 27: 101-12. In this Article, the hazard ratio was wrong.");

        assertThat(notice.kind()).isEqualTo(Notice.CORRECTION);
        assertThat(notice.title())
                .isEqualTo("Margetuximab versus trastuzumab in pretreated disease: a randomised trial");
    }

    @Test
    void aCongressAbstractsNumberIsNoPartOfTheTitleAWithdrawalQuotes() {
        assertThat(read("Abstract withdrawn: PD5-03 Neratinib after T-DM1 in residual disease", "Withdrawn.")
                        .title())
                .isEqualTo("Neratinib after T-DM1 in residual disease");
        assertThat(read("Erratum: HER2-low breast cancer outcomes in a national registry", "A table was wrong.")
                        .title())
                .isEqualTo("HER2-low breast cancer outcomes in a national registry");
    }

    @Test
    void aTitleQuotedAfterThePrefixIsReadWholeWithTheColonsItHolds() {
        assertThat(read("Erratum to \"HER2-mutant lung cancer: a review of testing and therapy\"", "A table was wrong.")
                        .title())
                .isEqualTo("HER2-mutant lung cancer: a review of testing and therapy");
    }

    @Test
    void aPreprintServersWithdrawalNamesThePreprintByTheDoiInItsOwnLink() {
        Notice notice = NoticeReader.read(new TaggableText(
                "Withdrawal notice: ctDNA clearance after neoadjuvant therapy",
                "This preprint has been withdrawn by the authors.",
                "",
                List.of("Withdrawn"),
                "preprint",
                "https://www.biorxiv.example/content/10.1101/2026.02.11.612345v3"));

        assertThat(notice.kind()).isEqualTo(Notice.WITHDRAWAL);
        assertThat(notice.dois()).containsExactly("10.1101/2026.02.11.612345");
    }

    @Test
    void aJournalNoticesOwnLinkIsNotTheArticleItConcerns() {
        Notice notice = NoticeReader.read(new TaggableText(
                "Correction to: Neratinib after trastuzumab in older patients",
                "A dose in Table 1 was wrong.",
                "",
                List.of(),
                "journal",
                "https://journal.example/doi/10.1000/jx.2026.1234v2"));

        assertThat(notice.dois()).isEmpty();
    }

    @Test
    void theKindIsTheNoticesOwnLabelNotAWordOfTheTitleItQuotes() {
        assertThat(read("Expression of Concern: Withdrawal of trastuzumab before cardiac surgery", "")
                        .kind())
                .isEqualTo(Notice.CONCERN);
        assertThat(read("Erratum: Retracting the dose of neratinib in frail patients", "")
                        .kind())
                .isEqualTo(Notice.CORRECTION);
        assertThat(read("Journal retracts pyrotinib paper amid data concerns", "")
                        .kind())
                .isEqualTo(Notice.RETRACTION);
    }

    @Test
    void aPreprintWithdrawnUnderItsOwnTitleIsReadInItsText() {
        Notice notice = NoticeReader.read(new TaggableText(
                "Margetuximab dosing in frail adults: a cohort study",
                "This preprint has been withdrawn by the authors because the cohort overlapped another one.",
                "",
                List.of(),
                "preprint"));
        assertThat(notice.kind()).isEqualTo(Notice.WITHDRAWAL);
    }

    @Test
    void readsTheArticlesIdsInTheWaysPublishersWriteThem() {
        assertThat(read("Correction", "See DOI 10.5555/her2.2026.0101 for the original.")
                        .dois())
                .containsExactly("10.5555/her2.2026.0101");
        assertThat(read("Correction", "Original article: https://doi.org/10.5555/her2.2026.0102.")
                        .dois())
                .containsExactly("10.5555/her2.2026.0102");
        assertThat(read("Correction", "Original article: doi:10.5555/her2.2026.0103")
                        .dois())
                .containsExactly("10.5555/her2.2026.0103");
        assertThat(read("Correction", "Refers to PMID:99170011.").pmids()).containsExactly("99170011");
        assertThat(read("Correction", "PubMed ID: 99170012 (original paper)").pmids())
                .containsExactly("99170012");
        assertThat(read("Correction", "Original article: https://pubmed.ncbi.nlm.nih.gov/99170013/")
                        .pmids())
                .containsExactly("99170013");
        assertThat(read("Correction", "Original: https://www.ncbi.nlm.nih.gov/pubmed/?term=99170014")
                        .pmids())
                .containsExactly("99170014");
        assertThat(read("Correction", "The corrected article (PMID=99170015) is updated online.")
                        .pmids())
                .containsExactly("99170015");
        assertThat(read("Correction", "Corrects: PubMed 99170016.").pmids()).containsExactly("99170016");
    }
}
