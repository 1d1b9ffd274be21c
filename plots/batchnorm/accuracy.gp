# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
normal-1 0.000 0.000 "" ? ""
normal-1-bn 76.890 0.584 "76.89%" 76.482 "± 0.58"
normal-0.01 9.812 0.131 "9.81%" 10.000 "± 0.13"
normal-0.01-bn 86.195 0.705 "86.19%" 85.620 "± 0.70"
ones 9.812 0.131 "9.81%" 10.000 "± 0.13"
ones-bn 13.415 1.092 "13.41%" 13.352 "± 1.09"
kaiming 85.290 0.348 "85.29%" 84.406 "± 0.35"
kaiming-bn 87.082 0.390 "87.08%" 86.152 "± 0.39"
default 72.577 3.677 "72.58%" 72.312 "± 3.68"
default-bn 86.520 1.066 "86.52%" 85.620 "± 1.07"
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
set title 'Does the initialization still matter with batch normalization? A 6-hidden-layer'."\n".'ReLU network with and without it: validation accuracy (mean ± 1 standard'."\n".'deviation over 5 seeds, as error bars and in numbers; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:9.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('N(0, 1)' 0, 'N(0, 1) +'."\n".'BN' 1, 'N(0, 0.01)' 2, 'N(0, 0.01)'."\n".'+ BN' 3, 'All Ones' 4, 'All Ones +'."\n".'BN' 5, 'Kaiming'."\n".'normal' 6, 'Kaiming'."\n".'normal +'."\n".'BN' 7, 'PyTorch'."\n".'default' 8, 'PyTorch'."\n".'default +'."\n".'BN' 9)
set bmargin 8
set datafile missing '?'
set key outside below center horizontal height 1
set label 1 'diverged'."\n".'at batch 3'."\n".'(all 5'."\n".'seeds)' at first 0, graph 0 center offset 0,4.2 font ',9'
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 - $3):(0):(2 * $3) with vectors heads size screen 0.008,90 linecolor rgb 'black' linewidth 1.5 notitle, \
     $accuracy using 0:($2 + $3):6 with labels offset 0,0.8 font ',9' notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,1.8 font ',9' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
