package kotone.eval.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CsvExport.quote("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvExport.quote("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvExport.quote("-2")).isEqualTo("'-2");
        assertThat(CsvExport.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.quote("\tcalm")).isEqualTo("'\tcalm");
    }

    @Test
    void ordinaryTextIsQuotedOnlyWhenItMustBe() {
        assertThat(CsvExport.quote("calm music for a rainy night")).isEqualTo("calm music for a rainy night");
        assertThat(CsvExport.quote("calm, warm")).isEqualTo("\"calm, warm\"");
        assertThat(CsvExport.quote("静かな曲")).isEqualTo("静かな曲");
        assertThat(CsvExport.quote(null)).isEmpty();
    }
}
