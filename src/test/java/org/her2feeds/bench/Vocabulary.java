package org.her2feeds.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Words for generated articles. The HER2 side is drawn from the terms of config/topics.yml (drugs, trials,
 * testing, side effects), the other side from oncology and medicine at large, with a share of hard negatives
 * ("HR+/HER2-", "HER2-negative") that the relevance rule must turn down.
 */
final class Vocabulary {

    static final List<String> HER2_DRUGS = List.of(
            "trastuzumab deruxtecan",
            "trastuzumab",
            "pertuzumab",
            "trastuzumab emtansine",
            "T-DXd",
            "T-DM1",
            "tucatinib",
            "neratinib",
            "lapatinib",
            "pyrotinib",
            "zanidatamab",
            "margetuximab",
            "disitamab vedotin",
            "zongertinib",
            "Enhertu",
            "Kadcyla",
            "Phesgo",
            "trastuzumab rezetecan",
            "SHR-A1811",
            "trastuzumab duocarmazine",
            "Herceptin",
            "Ogivri");
    static final List<String> HER2_STATUS = List.of(
            "HER2-positive",
            "HER2-low",
            "HER2-ultralow",
            "HER2+",
            "HER2-mutant",
            "ERBB2-amplified",
            "HER2-overexpressing",
            "HER2-enriched");
    static final List<String> HER2_CANCERS = List.of(
            "metastatic breast cancer",
            "early breast cancer",
            "gastric or gastro-oesophageal junction adenocarcinoma",
            "colorectal cancer",
            "non-small cell lung cancer",
            "biliary tract cancer",
            "endometrial cancer",
            "urothelial carcinoma",
            "breast cancer with brain metastases",
            "solid tumours");
    static final List<String> HER2_TRIALS = List.of(
            "DESTINY-Breast04",
            "DESTINY-Breast06",
            "DESTINY-Breast09",
            "HER2CLIMB-02",
            "KATHERINE",
            "APHINITY",
            "CLEOPATRA",
            "DESTINY-Gastric04",
            "DESTINY-Lung02",
            "HERIZON-BTC-01",
            "Beamion LUNG-1",
            "PHERGAIN",
            "ExteNET",
            "SOPHIA");
    static final List<String> HER2_FINDINGS = List.of(
            "Interstitial lung disease or pneumonitis occurred in %d%% of patients, mostly grade 1 or 2.",
            "Left ventricular ejection fraction declines were rare (%d%%) and reversible.",
            "HER2 status was assessed by immunohistochemistry and in situ hybridization; concordance was %d%%.",
            "Patients with HER2-low disease (IHC 1+ or IHC 2+/ISH-) derived benefit across subgroups (n=%d).",
            "Resistance mechanisms included p95HER2 expression and PIK3CA mutations in %d%% of biopsies.",
            "Dual HER2 blockade with trastuzumab and pertuzumab improved invasive disease-free survival (HR 0.%d).",
            "The FDA granted priority review to the supplemental application based on %d patients.",
            "Diarrhoea was the most common adverse event (%d%%), manageable with prophylaxis.",
            "ERBB2 amplification was detected by next-generation sequencing in %d%% of tumours.",
            "Quality of life was maintained; patient-reported outcomes favoured the ADC (n=%d).");
    static final List<String> OTHER_DRUGS = List.of(
            "pembrolizumab",
            "nivolumab",
            "osimertinib",
            "olaparib",
            "palbociclib",
            "ribociclib",
            "abemaciclib",
            "sacituzumab govitecan",
            "atezolizumab",
            "durvalumab",
            "alectinib",
            "sotorasib",
            "enzalutamide",
            "docetaxel",
            "capecitabine",
            "letrozole",
            "tamoxifen",
            "bevacizumab",
            "cetuximab",
            "lenalidomide");
    static final List<String> OTHER_DISEASES = List.of(
            "advanced melanoma",
            "metastatic prostate cancer",
            "triple-negative breast cancer",
            "EGFR-mutant non-small cell lung cancer",
            "hepatocellular carcinoma",
            "multiple myeloma",
            "diffuse large B-cell lymphoma",
            "ovarian cancer",
            "renal cell carcinoma",
            "head and neck squamous cell carcinoma",
            "pancreatic cancer",
            "glioblastoma",
            "type 2 diabetes",
            "heart failure with preserved ejection fraction",
            "chronic kidney disease");
    static final List<String> HARD_NEGATIVES = List.of(
            "HR+/HER2- advanced breast cancer",
            "HER2-negative early breast cancer",
            "hormone receptor-positive, HER2-negative disease");
    static final List<String> DESIGNS = List.of(
            "a randomised phase 3 trial",
            "a phase 2 single-arm study",
            "a multicentre retrospective cohort",
            "a systematic review and meta-analysis",
            "a real-world analysis",
            "final overall survival results",
            "an exploratory biomarker analysis",
            "a pooled analysis of trials",
            "a cost-effectiveness analysis",
            "a population-based study");
    static final List<String> OUTCOMES = List.of(
            "overall survival",
            "progression-free survival",
            "pathological complete response",
            "objective response rate",
            "invasive disease-free survival",
            "time to treatment failure",
            "cardiac safety",
            "health-related quality of life");
    static final List<String> GENERIC_SENTENCES = List.of(
            "The primary endpoint was %s by blinded independent central review.",
            "Median follow-up was %d.%d months (IQR 12.1-24.3).",
            "Grade 3 or higher adverse events occurred in %d%% of patients.",
            "A total of %d patients were randomly assigned across 184 sites in 21 countries.",
            "Treatment-related deaths were rare (n=%d).",
            "Results were consistent across prespecified subgroups, including age and region (p=0.0%d).",
            "These findings support further evaluation in earlier lines of therapy (%d centres).",
            "Funding: the sponsor had a role in study design and data collection (grant %d).");
    static final List<String> AUTHORS = List.of(
            "Modi S",
            "Cortés J",
            "Hurvitz SA",
            "Tolaney SM",
            "Swain SM",
            "Curigliano G",
            "Li BT",
            "Shitara K",
            "Meric-Bernstam F",
            "Bardia A",
            "André F",
            "Loibl S",
            "Gianni L",
            "Murthy RK",
            "Harbeck N",
            "Schmid P",
            "Rugo HS",
            "Krop IE",
            "Nakada T",
            "Wang X",
            "Zhang Y",
            "Müller K");
    static final List<String> REGULATORS = List.of("FDA", "EMA", "NMPA", "MHRA", "Health Canada", "PMDA");

    private Vocabulary() {}

    static String pick(SplittableRandom random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
