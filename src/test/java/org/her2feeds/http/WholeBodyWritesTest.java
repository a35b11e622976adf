package org.her2feeds.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

class WholeBodyWritesTest {

    @Test
    void theConnectorsSocketWriteBufferHoldsAFeedOfTheDefaultSizeWhole() {
        Connector connector = new Connector();
        assertThat(connector.getProperty("socket.appWriteBufSize"))
                .as("Tomcat's default")
                .isEqualTo("8192");

        new WholeBodyWrites().customize(connector);

        assertThat(connector.getProperty("socket.appWriteBufSize"))
                .isEqualTo(String.valueOf(WholeBodyWrites.WRITE_BUFFER_BYTES));
    }
}
