package org.her2feeds.http;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat writes a response to the socket through a per-connection buffer of {@code socket.appWriteBufSize} bytes
 * (8 KB by default), one write call each time it fills: a 60 KB feed took eight. The outputs are already complete
 * byte arrays (see {@link Rendered}), so a buffer that holds a typical feed whole sends it in one or two calls. The
 * buffer is allocated per open connection (and kept for reuse by the connection cache), so it is not made larger
 * than a feed of the default size needs.
 */
@Component
class WholeBodyWrites implements TomcatConnectorCustomizer {

    static final int WRITE_BUFFER_BYTES = 64 * 1024;

    @Override
    public void customize(Connector connector) {
        connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
    }
}
