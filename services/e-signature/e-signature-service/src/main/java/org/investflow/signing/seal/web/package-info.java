/** HTTP API of the seal: anyone may verify a PDF. */
package org.investflow.signing.seal.web;
