# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
rbm 85.817 0.000 "85.82%" 84.960 ""
default 85.008 0.000 "85.01%" 83.970 ""
xavier 84.767 0.000 "84.77%" 84.090 ""
EOD
reset
set terminal pngcairo size 960,616 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'accuracy.png'
set title 'RBM pre-training against PyTorch'."'".'s default and Xavier (sigmoid'."\n".'network): validation accuracy (one seed; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:2.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('RBM pre-training'."\n".'(CD-1, 2 epochs a'."\n".'layer)' 0, 'PyTorch default' 1, 'Xavier uniform' 2)
set bmargin 8
set datafile missing '?'
set key outside below center horizontal height 1
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',11' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
